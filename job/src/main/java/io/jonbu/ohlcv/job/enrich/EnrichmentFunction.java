package io.jonbu.ohlcv.job.enrich;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Enriches the candles of one symbol and timeframe, in candle order, with every indicator,
 * candlestick pattern, market context, feature vector and description ({@link SeriesEnricher}),
 * O(1) per candle.
 *
 * <p>Indicators only move forward, so each candle is fed once, when it can no longer change: at
 * once when there is no allowed lateness, otherwise when the lateness has passed, and then in its
 * newest revision. Candles wait in state until then. A correction or cancel can revise a candle
 * after that (within the correction horizon): the candles table takes the revision, the enriched
 * series does not, as it cannot go back.
 */
public final class EnrichmentFunction extends KeyedProcessFunction<String, Candle, EnrichedCandle> {
    private static final long serialVersionUID = 1L;

    /** One key per symbol and timeframe. */
    public static final KeySelector<Candle, String> BY_SERIES = c -> c.symbol() + '/' + c.timeframe().label();

    /** Candles each side that confirm a pivot high or low. */
    public static final int DEFAULT_PIVOT_LOOKBACK = 5;

    private final long allowedLatenessMillis;
    private final int pivotLookback;

    private transient ValueState<SeriesEnricher> series;
    private transient MapState<Long, Candle> waiting;

    public EnrichmentFunction(Duration allowedLateness) {
        this(allowedLateness, DEFAULT_PIVOT_LOOKBACK);
    }

    public EnrichmentFunction(Duration allowedLateness, int pivotLookback) {
        if (pivotLookback < 1) {
            throw new IllegalArgumentException("pivot lookback must be at least 1, got " + pivotLookback);
        }
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.pivotLookback = pivotLookback;
    }

    @Override
    public void open(OpenContext openContext) {
        series = getRuntimeContext().getState(new ValueStateDescriptor<>("series", TypeInformation.of(SeriesEnricher.class)));
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-candles", Types.LONG, TypeInformation.of(Candle.class)));
    }

    @Override
    public void processElement(Candle candle, Context ctx, Collector<EnrichedCandle> out) throws Exception {
        if (allowedLatenessMillis == 0) {
            // without lateness only a correction revises a candle, and it comes after the candle was fed
            if (candle.revision() == 0) {
                out.collect(enrich(candle));
            }
            return;
        }
        if (sealedAt(candle) <= ctx.timerService().currentWatermark()) {
            return; // fed already: a correction's revision
        }
        if (!waiting.contains(candle.start())) {
            ctx.timerService().registerEventTimeTimer(sealedAt(candle));
        }
        waiting.put(candle.start(), candle);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedCandle> out) throws Exception {
        List<Candle> sealed = new ArrayList<>();
        for (Map.Entry<Long, Candle> e : waiting.entries()) {
            if (sealedAt(e.getValue()) <= timestamp) {
                sealed.add(e.getValue());
            }
        }
        sealed.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (Candle c : sealed) {
            waiting.remove(c.start());
            out.collect(enrich(c));
        }
    }

    /** The watermark after which no late trade can revise the candle any more. */
    private long sealedAt(Candle c) {
        return EpochNanos.toMillis(c.end()) - 1 + allowedLatenessMillis;
    }

    private EnrichedCandle enrich(Candle candle) throws Exception {
        SeriesEnricher state = series.value();
        if (state == null) {
            state = new SeriesEnricher(pivotLookback);
        }
        EnrichedCandle enriched = state.enrich(candle);
        series.update(state);
        return enriched;
    }
}
