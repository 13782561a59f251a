package io.jonbu.ohlcv.job.pattern.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.testing.CollectingSink;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChartPatternsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /**
     * Lookback 20, volume 1.5 x average. A spike while the lookback fills, a close above resistance on
     * too little volume, then the breakout (candle 21, resistance 102.5 from candle 20), heavy volume
     * below resistance, and a close exactly at resistance.
     */
    private static ChartSeries breakouts(String symbol) {
        ChartSeries s = new ChartSeries(symbol).add(105.5, 99, 105, 5000, 1000, Double.NaN, Double.NaN);
        for (int i = 1; i < 20; i++) {
            s.add(101, 99, 100, 1000, 1000, Double.NaN, Double.NaN);
        }
        return s.add(102.5, 99, 102, 1400, 1000, Double.NaN, Double.NaN)
                .add(103.5, 99, 103, 2000, 1000, Double.NaN, Double.NaN)
                .add(101, 99, 100, 3000, 1000, Double.NaN, Double.NaN)
                .add(104, 99, 103.5, 2000, 1000, Double.NaN, Double.NaN);
    }

    /**
     * Three higher highs from candle 1 then a lower low (bearish, 1-5, peak 104); lower lows into a
     * candle that is no higher high; two higher highs then a lower low (too short); four higher highs
     * then a lower low (bearish once, 12-16, peak 107).
     */
    private static ChartSeries reversals(String symbol) {
        return new ChartSeries(symbol)
                .add(101, 99, 100).add(101, 99, 100).add(102, 100, 101).add(103, 101, 102).add(104, 102, 103)
                .add(103.5, 101.5, 102).add(103, 101, 102).add(102.5, 100, 101).add(102, 100, 101)
                .add(103, 100.5, 102).add(104, 101, 103).add(103, 99, 100)
                .add(104, 100, 103).add(105, 101, 104).add(106, 102, 105).add(107, 103, 106).add(106, 102, 103)
                .add(106, 102, 103);
    }

    /** SMA 50 above SMA 200 as the 200 warms up (no cross), then touching it (no death cross), golden at 2-3, death at 4-5. */
    private static ChartSeries crosses(String symbol) {
        ChartSeries s = new ChartSeries(symbol);
        double[][] smas = {{99, Double.NaN}, {101, 100}, {100, 100}, {101, 100}, {100.5, 100.2}, {99.5, 100.2}, {99, 100.1}};
        for (double[] sma : smas) {
            s.add(101, 99, 100, 1000, Double.NaN, sma[0], sma[1]);
        }
        return s;
    }

    private static ChartPatternEvent event(ChartSeries s, String pattern, int first, int last, double level) {
        EnrichedCandle e = s.candles().get(last);
        Candle c = e.ohlcv();
        return new ChartPatternEvent(c.symbol(), c.timeframe(), pattern, s.get(first).start(), c.end(), level, c.close(), c.volume(),
                e.indicator(IndicatorKey.VOLUME_SMA_20), e.indicator(IndicatorKey.SMA_50), e.indicator(IndicatorKey.SMA_200));
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void eachPatternFiresOnceWhereItCompletesAndNowhereElse(RuntimeExecutionMode mode) throws Exception {
        ChartSeries breakouts = breakouts("BRK");
        ChartSeries breakdowns = breakouts.mirrored("BRKD");
        ChartSeries bearish = reversals("REV");
        ChartSeries bullish = bearish.mirrored("REVM");
        ChartSeries crosses = crosses("SMA");
        List<ChartSeries> all = List.of(breakouts, breakdowns, bearish, bullish, crosses);
        // one source in candle time order, as the enrichment emits them
        List<EnrichedCandle> input = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            for (ChartSeries s : all) {
                if (i < s.candles().size()) {
                    input.add(s.candles().get(i));
                }
            }
        }

        Configuration strict = new Configuration();
        strict.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(strict);
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        CollectingSink<ChartPatternEvent> sink = new CollectingSink<>();
        ChartPatterns.defaults().detect(env.fromData(input, TypeInformation.of(EnrichedCandle.class))
                        .assignTimestampsAndWatermarks(WatermarkStrategy.<EnrichedCandle>forMonotonousTimestamps()
                                .withTimestampAssigner((e, ignored) -> EpochNanos.toMillis(e.ohlcv().end()) - 1)))
                .sinkTo(sink);
        env.execute("chart patterns " + mode);

        assertThat(sink.received()).containsExactlyInAnyOrder(
                event(breakouts, "breakout", 21, 21, 102.5),
                event(breakdowns, "breakdown", 21, 21, 97.5),
                event(bearish, "bearish_reversal", 1, 5, 104),
                event(bearish, "bearish_reversal", 12, 16, 107),
                event(bullish, "bullish_reversal", 1, 5, 96),
                event(bullish, "bullish_reversal", 12, 16, 93),
                event(crosses, "golden_cross", 2, 3, Double.NaN),
                event(crosses, "death_cross", 4, 5, Double.NaN));
    }
}
