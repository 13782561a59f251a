package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.tape.TradeEligibility;

/**
 * Accumulates one candle trade by trade, in O(1) and in any arrival order: open and close are the
 * trades with the least and greatest (event time, trade id) among those allowed to set the last
 * price, so the result does not depend on how the network reordered the feed. What each trade may
 * update comes from its sale conditions ({@link TradeEligibility}): an odd lot adds volume but sets
 * no price. A trade that may set the last price also counts for the high and low.
 *
 * <p>A candle exists only once a trade has set its price: a minute of odd lots alone makes no
 * candle, as a SIP-following bar builder (Alpaca's included) makes no bar. Public fields: keyed
 * state writes them one by one ({@link SymbolCandlesSerializer}).
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
    /** Sum of price times size over the trades counted in volume, for the VWAP. */
    public double notional;
    /** Whether a trade has set the last price (and so open and close exist). */
    public boolean priced;
    /** Whether a trade has set the high and low. */
    public boolean ranged;
    /** How many times the candle has been emitted; the next emission carries this as its revision. */
    public int emissions;
    /** Whether the watermark has passed the candle's end. */
    public boolean closed;

    public CandleBuilder() {}

    public void add(Trade t, TradeEligibility eligibility) {
        add(t.timestamp(), t.id(), t.price(), t.size(), eligibility);
    }

    /** Adds one print given by its parts, as retained prints are kept. */
    public void add(long ts, long id, double price, long size, TradeEligibility eligibility) {
        if (eligibility.updatesVolume()) {
            volume += size;
            notional += price * size;
            tradeCount++;
        }
        if (eligibility.updatesHighLow() || eligibility.updatesLast()) {
            widen(price, price);
        }
        if (eligibility.updatesLast()) {
            setLast(ts, id, price);
        }
    }

    /**
     * Adds everything {@code other} holds, as if its trades had been added here: the result is
     * the same whichever way a candle's trades are split into parts. Emission count and closed
     * state stay this builder's.
     */
    public void merge(CandleBuilder other) {
        volume += other.volume;
        notional += other.notional;
        tradeCount += other.tradeCount;
        if (other.ranged) {
            widen(other.high, other.low);
        }
        if (other.priced) {
            setLast(other.openTime, other.openId, other.open);
            setLast(other.closeTime, other.closeId, other.close);
        }
    }

    private void widen(double toHigh, double toLow) {
        if (ranged) {
            high = Math.max(high, toHigh);
            low = Math.min(low, toLow);
        } else {
            high = toHigh;
            low = toLow;
            ranged = true;
        }
    }

    private void setLast(long ts, long id, double price) {
        if (!priced) {
            open = close = price;
            openTime = closeTime = ts;
            openId = closeId = id;
            priced = true;
            return;
        }
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
    }

    /**
     * The candle as of now, counting this as one more emission. VWAP is over the trades counted in
     * volume; a candle whose priced trades carry no volume (a corrected close) has the close as VWAP.
     */
    public Candle emit(String symbol, Timeframe timeframe, long start, long end, MarketSession session) {
        return candle(symbol, timeframe, start, end, true, emissions++, session);
    }

    /** The forming candle as of now, {@code final:false}, not counted as an emission: its revision is the next final's. */
    public Candle partial(String symbol, Timeframe timeframe, long start, long end, MarketSession session) {
        return candle(symbol, timeframe, start, end, false, emissions, session);
    }

    private Candle candle(String symbol, Timeframe timeframe, long start, long end, boolean isFinal, int revision,
            MarketSession session) {
        double vwap = volume > 0 ? notional / volume : close;
        return new Candle(symbol, timeframe, start, end, open, high, low, close, volume, tradeCount, vwap, isFinal, revision, session);
    }
}
