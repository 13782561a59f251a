package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.job.indicator.Window;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Annotates each candle of one symbol and timeframe, in candle order, with the resistance
 * (highest high) and support (lowest low) of the {@code lookback} candles before it, NaN until that
 * many were seen, and with the high and low of the candle before it ({@link CandleWithLevels}). The
 * current candle is left out so that a candle can close beyond them. Two rings
 * of {@code lookback} doubles in keyed state; the scan for the extreme is O(lookback), cheaper than a
 * monotonic deque at the default 20.
 */
public final class SupportResistanceFunction extends KeyedProcessFunction<String, ChartCandle, CandleWithLevels> {
    private static final long serialVersionUID = 1L;

    private final int lookback;

    private transient ValueState<Window> highs;
    private transient ValueState<Window> lows;

    public SupportResistanceFunction(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback: must be at least 1, got " + lookback);
        }
        this.lookback = lookback;
    }

    @Override
    public void open(OpenContext openContext) {
        highs = getRuntimeContext().getState(new ValueStateDescriptor<>("previous-highs", TypeInformation.of(Window.class)));
        lows = getRuntimeContext().getState(new ValueStateDescriptor<>("previous-lows", TypeInformation.of(Window.class)));
    }

    @Override
    public void processElement(ChartCandle c, Context ctx, Collector<CandleWithLevels> out) throws Exception {
        Window h = highs.value();
        Window l = lows.value();
        if (h == null) {
            h = new Window(lookback);
            l = new Window(lookback);
        }
        out.collect(new CandleWithLevels(c, h.isFull() ? h.max() : Double.NaN, l.isFull() ? l.min() : Double.NaN, h.newest(), l.newest()));
        h.add(c.high());
        l.add(c.low());
        highs.update(h);
        lows.update(l);
    }
}
