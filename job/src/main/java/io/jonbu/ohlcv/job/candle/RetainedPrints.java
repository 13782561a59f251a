package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.tape.TradeEligibility;
import java.util.Arrays;
import java.util.Objects;

/**
 * One minute of a symbol's prints, kept compactly while they may still be corrected or cancelled:
 * enough of each print (time, id, exchange, price, size, and what it may update in daily and in
 * intraday candles) to rebuild any candle they fall in. Parallel arrays rather than a list of
 * objects: a few dozen bytes per print, in memory and as {@link SymbolCandlesSerializer} writes them.
 */
public class RetainedPrints {
    private static final int DAILY_SHIFT = 3;

    public int count;
    public long[] times = new long[8];
    public long[] ids = new long[8];
    public String[] exchanges = new String[8];
    public double[] prices = new double[8];
    public long[] sizes = new long[8];
    /** What the print may update: intraday candles in bits 0-2, the daily candle in bits 3-5. */
    public byte[] eligibility = new byte[8];

    public RetainedPrints() {}

    public void add(long time, long id, String exchange, double price, long size, TradeEligibility daily, TradeEligibility intraday) {
        add(time, id, exchange, price, size, bitsOf(daily, intraday));
    }

    /** Adds a print with its eligibility bits as {@link #eligibility} holds them (a copy's, a restored one's). */
    void add(long time, long id, String exchange, double price, long size, byte bits) {
        if (count == times.length) {
            int capacity = count * 2;
            times = Arrays.copyOf(times, capacity);
            ids = Arrays.copyOf(ids, capacity);
            exchanges = Arrays.copyOf(exchanges, capacity);
            prices = Arrays.copyOf(prices, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            eligibility = Arrays.copyOf(eligibility, capacity);
        }
        times[count] = time;
        ids[count] = id;
        exchanges[count] = exchange;
        prices[count] = price;
        sizes[count] = size;
        eligibility[count++] = bits;
    }

    /** The index of the print with this id on this exchange, or -1. */
    public int indexOf(long id, String exchange) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id && Objects.equals(exchanges[i], exchange)) {
                return i;
            }
        }
        return -1;
    }

    public void set(int i, long time, long id, String exchange, double price, long size, TradeEligibility daily, TradeEligibility intraday) {
        times[i] = time;
        ids[i] = id;
        exchanges[i] = exchange;
        prices[i] = price;
        sizes[i] = size;
        eligibility[i] = bitsOf(daily, intraday);
    }

    private static byte bitsOf(TradeEligibility daily, TradeEligibility intraday) {
        return (byte) (bits(intraday) | bits(daily) << DAILY_SHIFT);
    }

    /** Removes print {@code i}; the order of the others does not matter to a candle. */
    public void remove(int i) {
        int last = --count;
        times[i] = times[last];
        ids[i] = ids[last];
        exchanges[i] = exchanges[last];
        prices[i] = prices[last];
        sizes[i] = sizes[last];
        eligibility[i] = eligibility[last];
        exchanges[last] = null;
    }

    /** Adds every print to {@code candle}, each as it may update a daily or an intraday candle. */
    public void addTo(CandleBuilder candle, boolean daily) {
        for (int i = 0; i < count; i++) {
            candle.add(times[i], ids[i], prices[i], sizes[i], eligibility(i, daily));
        }
    }

    private TradeEligibility eligibility(int i, boolean daily) {
        int bits = daily ? eligibility[i] >> DAILY_SHIFT : eligibility[i];
        return TradeEligibility.of((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    }

    private static int bits(TradeEligibility e) {
        return (e.updatesHighLow() ? 1 : 0) | (e.updatesLast() ? 2 : 0) | (e.updatesVolume() ? 4 : 0);
    }
}
