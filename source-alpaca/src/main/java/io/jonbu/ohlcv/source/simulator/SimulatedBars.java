package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.tape.SaleConditions;
import io.jonbu.ohlcv.model.tape.TradeEligibility;
import io.jonbu.ohlcv.source.rest.AlpacaBar;
import java.util.ArrayList;
import java.util.List;

/**
 * Bars from the simulator's own trades, as its REST side serves them: {@code t} is the interval start
 * aligned like the model's {@link Timeframe}, and each trade counts as its sale conditions allow
 * ({@link SaleConditions}, the plans' rules; intraday bars outside regular hours also take Form T
 * prices), as Alpaca builds its bars. An interval whose trades set no price (odd lots only) has no bar.
 */
final class SimulatedBars {
    private SimulatedBars() {}

    /** @param trades sorted by symbol, then time, then id */
    static List<AlpacaBar> of(List<Trade> trades, Timeframe timeframe) {
        List<AlpacaBar> bars = new ArrayList<>();
        int i = 0;
        while (i < trades.size()) {
            Trade first = trades.get(i);
            long start = timeframe.start(first.timestamp());
            long end = timeframe.end(start);
            double open = Double.NaN;
            double high = Double.NaN;
            double low = Double.NaN;
            double close = Double.NaN;
            long volume = 0;
            long count = 0;
            double notional = 0;
            int j = i;
            for (; j < trades.size(); j++) {
                Trade t = trades.get(j);
                if (!t.symbol().equals(first.symbol()) || t.timestamp() >= end) {
                    break;
                }
                TradeEligibility e = eligibility(t, timeframe);
                if (e.updatesVolume()) {
                    volume += t.size();
                    notional += t.price() * t.size();
                    count++;
                }
                if (e.updatesHighLow() || e.updatesLast()) {
                    high = Double.isNaN(high) ? t.price() : Math.max(high, t.price());
                    low = Double.isNaN(low) ? t.price() : Math.min(low, t.price());
                }
                if (e.updatesLast()) {
                    open = Double.isNaN(open) ? t.price() : open;
                    close = t.price();
                }
            }
            if (!Double.isNaN(close)) {
                bars.add(new AlpacaBar(first.symbol(), start, open, high, low, close, volume, count,
                        volume > 0 ? notional / volume : close));
            }
            i = j;
        }
        return bars;
    }

    private static TradeEligibility eligibility(Trade t, Timeframe timeframe) {
        return timeframe != Timeframe.D1 && MarketSession.of(t.timestamp()) != MarketSession.REGULAR
                ? SaleConditions.ofExtendedHoursIntraday(t.tape(), t.conditions())
                : SaleConditions.of(t.tape(), t.conditions());
    }
}
