package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;

/**
 * Accumulates one candle trade by trade, in O(1) and in any arrival order: open and close are the
 * trades with the least and greatest (event time, trade id), so the result does not depend on how
 * the network reordered the feed. A Flink POJO (public fields, no-arg constructor) so keyed state
 * is serialized without Kryo.
 */
public class CandleBuilder {
    public double open;
    public double high;
    public double low;
    public double close;
    public long openTime;
    public long openId;
    public long closeTime;
    public long closeId;
    public long volume;
    public long tradeCount;
    /** Sum of price times size, for the VWAP. */
    public double notional;
    /** How many times the candle was re-emitted after its first final emission. */
    public int revision;
    /** Whether the final candle has been emitted (the watermark passed its end). */
    public boolean emitted;

    public CandleBuilder() {}

    public void add(Trade t) {
        long ts = t.timestamp();
        long id = t.id();
        double price = t.price();
        if (tradeCount == 0) {
            open = high = low = close = price;
            openTime = closeTime = ts;
            openId = closeId = id;
        } else {
            if (ts < openTime || (ts == openTime && id < openId)) {
                open = price;
                openTime = ts;
                openId = id;
            }
            if (ts > closeTime || (ts == closeTime && id > closeId)) {
                close = price;
                closeTime = ts;
                closeId = id;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
        }
        volume += t.size();
        notional += price * t.size();
        tradeCount++;
    }

    public Candle toCandle(String symbol, Timeframe timeframe, long start, long end, boolean isFinal) {
        return new Candle(symbol, timeframe, start, end, open, high, low, close, volume, tradeCount,
                notional / volume, isFinal, revision);
    }
}
