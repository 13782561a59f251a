package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.rest.AlpacaBar;
import java.util.ArrayList;
import java.util.List;

/**
 * Bars from the simulator's own trades, as its REST side serves them: {@code t} is the interval start
 * aligned like the model's {@link Timeframe}, and every trade counts toward o/h/l/c/v/n/vw. Alpaca leaves
 * some sale conditions (odd lots among them) out of o/h/l/c; the simulator does not model that.
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
            double high = first.price();
            double low = first.price();
            double close = first.price();
            long volume = 0;
            double notional = 0;
            int j = i;
            for (; j < trades.size(); j++) {
                Trade t = trades.get(j);
                if (!t.symbol().equals(first.symbol()) || t.timestamp() >= end) {
                    break;
                }
                high = Math.max(high, t.price());
                low = Math.min(low, t.price());
                close = t.price();
                volume += t.size();
                notional += t.price() * t.size();
            }
            bars.add(new AlpacaBar(first.symbol(), start, first.price(), high, low, close, volume, j - i, notional / volume));
            i = j;
        }
        return bars;
    }
}
