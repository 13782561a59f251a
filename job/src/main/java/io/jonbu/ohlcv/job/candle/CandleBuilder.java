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
 * candle, as a SIP-following bar builder (Alpaca's included) makes no bar. A Flink POJO (public
 * fields, no-arg constructor) so keyed state is serialized without Kryo.
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
        double price = t.price();
        if (eligibility.updatesVolume()) {
            volume += t.size();
            notional += price * t.size();
            tradeCount++;
        }
        if (eligibility.updatesHighLow() || eligibility.updatesLast()) {
            if (ranged) {
                high = Math.max(high, price);
                low = Math.min(low, price);
            } else {
                high = low = price;
                ranged = true;
            }
        }
        if (eligibility.updatesLast()) {
            setLast(t.timestamp(), t.id(), price);
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
        double vwap = volume > 0 ? notional / volume : close;
        return new Candle(symbol, timeframe, start, end, open, high, low, close, volume, tradeCount, vwap, true, emissions++,
                session);
    }
}
