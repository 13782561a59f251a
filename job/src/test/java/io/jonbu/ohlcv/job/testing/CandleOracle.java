package io.jonbu.ohlcv.job.testing;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Candles computed the slow, obvious way, independently of the job: group all trades by interval,
 * sort each group by (time, id), read off open, high, low, close and sums.
 */
public final class CandleOracle {
    private CandleOracle() {}

    public static List<Candle> candles(Collection<Trade> trades, List<Timeframe> timeframes) {
        List<Candle> result = new ArrayList<>();
        for (Timeframe tf : timeframes) {
            Map<String, List<Trade>> groups = new TreeMap<>();
            for (Trade t : trades) {
                groups.computeIfAbsent(t.symbol() + "|" + tf.start(t.timestamp()), k -> new ArrayList<>()).add(t);
            }
            for (List<Trade> group : groups.values()) {
                group.sort(Comparator.comparingLong(Trade::timestamp).thenComparingLong(Trade::id));
                Trade first = group.get(0);
                long start = tf.start(first.timestamp());
                double high = group.stream().mapToDouble(Trade::price).max().orElseThrow();
                double low = group.stream().mapToDouble(Trade::price).min().orElseThrow();
                long volume = group.stream().mapToLong(Trade::size).sum();
                double notional = group.stream().mapToDouble(t -> t.price() * t.size()).sum();
                result.add(new Candle(first.symbol(), tf, start, tf.end(start), first.price(), high, low,
                        group.get(group.size() - 1).price(), volume, group.size(), notional / volume, true, 0));
            }
        }
        return result;
    }

    /** Asserts two candles equal, allowing for the order in which floating-point sums were taken. */
    public static boolean sameCandle(Candle a, Candle b) {
        return a.symbol().equals(b.symbol()) && a.timeframe() == b.timeframe() && a.start() == b.start() && a.end() == b.end()
                && a.open() == b.open() && a.high() == b.high() && a.low() == b.low() && a.close() == b.close()
                && a.volume() == b.volume() && a.tradeCount() == b.tradeCount()
                && Math.abs(a.vwap() - b.vwap()) <= 1e-9 * Math.abs(b.vwap());
    }
}
