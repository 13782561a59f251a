package io.jonbu.ohlcv.job.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.enrich.context.SeriesContext;
import io.jonbu.ohlcv.job.indicator.IndicatorSet;
import io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPatternSet;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichmentFunctionTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Candle, EnrichedCandle> harness;

    private void open(Duration lateness) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EnrichmentFunction(lateness)), EnrichmentFunction.BY_SERIES, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static List<Candle> series(String symbol, Timeframe tf, int count, long seed) {
        Random random = new Random(seed);
        List<Candle> candles = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < count; i++) {
            long start = START + i * tf.nominalNanos();
            double open = close;
            close = Math.max(1, open + random.nextGaussian());
            double high = Math.max(open, close) + random.nextDouble();
            double low = Math.min(open, close) - random.nextDouble();
            candles.add(new Candle(symbol, tf, start, tf.end(start), open, high, low, close, 100 + random.nextInt(1000),
                    10, (open + close) / 2, true, 0));
        }
        return candles;
    }

    private void send(Candle c) throws Exception {
        harness.processElement(c, EpochNanos.toMillis(c.end()) - 1);
    }

    private static Candle revised(Candle c) {
        return new Candle(c.symbol(), c.timeframe(), c.start(), c.end(), c.open(), c.high() + 1, c.low(), c.close(), c.volume(),
                c.tradeCount(), c.vwap(), true, c.revision() + 1);
    }

    @Test
    void aCorrectionsRevisionOfACandleAlreadyFedIsNotFedAgain() throws Exception {
        for (Duration lateness : List.of(Duration.ZERO, Duration.ofSeconds(30))) {
            open(lateness);
            List<Candle> candles = series("AAPL", Timeframe.M1, 3, 3);
            send(candles.get(0));
            harness.processWatermark(EpochNanos.toMillis(candles.get(0).end()) - 1 + lateness.toMillis());
            send(revised(candles.get(0))); // a correction after the candle was fed
            send(candles.get(1));
            send(revised(candles.get(1))); // within the lateness it replaces the waiting candle
            harness.processWatermark(Long.MAX_VALUE);

            assertThat(harness.extractOutputValues()).as("lateness %s", lateness)
                    .extracting(e -> e.ohlcv().start() + "/" + e.ohlcv().revision())
                    .containsExactly(candles.get(0).start() + "/0",
                            candles.get(1).start() + (lateness.isZero() ? "/0" : "/1"));
            harness.close();
        }
        harness = null;
    }

    @Test
    void eachSeriesGetsItsOwnIndicatorsAndPatternsInCandleOrder() throws Exception {
        open(Duration.ZERO);
        List<Candle> aapl = series("AAPL", Timeframe.M1, 300, 1);
        List<Candle> aapl5m = series("AAPL", Timeframe.M5, 300, 2);
        for (int i = 0; i < 300; i++) {
            send(aapl.get(i));
            send(aapl5m.get(i));
        }

        List<EnrichedCandle> out = harness.extractOutputValues();
        assertThat(out).hasSize(600);
        assertSameAsFedAlone(out.stream().filter(e -> e.ohlcv().timeframe() == Timeframe.M1).toList(), aapl);
        assertSameAsFedAlone(out.stream().filter(e -> e.ohlcv().timeframe() == Timeframe.M5).toList(), aapl5m);
        assertThat(out.get(out.size() - 1).indicator(IndicatorKey.SMA_200)).as("warmed up after 300 candles").isFinite();
        assertThat(out.get(0).indicator(IndicatorKey.SMA_20)).as("not warmed up after one").isNaN();
        EnrichedCandle last = out.get(out.size() - 1);
        assertThat(last.context().regime()).as("regime known after 300 candles").isNotNull();
        assertThat(last.features()).as("every feature warmed up after 300 candles").doesNotContain(Double.NaN);
        assertThat(last.description()).startsWith("AAPL 5m candle at 2024-03-09 10:25 EST: close $");
        assertThat(out.get(0).context()).isEqualTo(MarketContext.UNKNOWN);
    }

    private static void assertSameAsFedAlone(List<EnrichedCandle> enriched, List<Candle> candles) {
        IndicatorSet indicators = new IndicatorSet();
        CandlestickPatternSet patterns = new CandlestickPatternSet();
        SeriesContext context = new SeriesContext(EnrichmentFunction.DEFAULT_PIVOT_LOOKBACK);
        double[] values = new double[IndicatorKey.COUNT];
        double[] features = new double[FeatureSchema.COUNT];
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            indicators.update(c, values);
            patterns.update(c);
            String[] fired = patterns.firedNames();
            double previousClose = context.previousClose;
            double previousMacd = context.previousMacd;
            double previousSignal = context.previousSignal;
            MarketContext market = context.update(c, values, features);
            assertThat(enriched.get(i)).isEqualTo(new EnrichedCandle(c, values, fired, market, features,
                    CandleDescription.of(c, values, fired, market, previousClose, previousMacd, previousSignal)));
        }
    }

    @Test
    void aPivotLookbackBelowOneIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EnrichmentFunction(Duration.ZERO, 0))
                .hasMessageContaining("pivot lookback must be at least 1");
        harness = null;
    }

    @Test
    void withAllowedLatenessOnlyTheNewestRevisionIsEnrichedOnceTheLatenessHasPassed() throws Exception {
        open(Duration.ofSeconds(30));
        List<Candle> candles = series("MSFT", Timeframe.M1, 2, 3);
        Candle first = candles.get(0);
        Candle revised = new Candle(first.symbol(), first.timeframe(), first.start(), first.end(), first.open(), first.high() + 1,
                first.low(), first.close(), first.volume() + 5, first.tradeCount() + 1, first.vwap(), true, 1);
        send(first);
        send(revised);
        harness.processWatermark(EpochNanos.toMillis(first.end()) - 1 + 29_999);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(EpochNanos.toMillis(first.end()) - 1 + 30_000);
        send(candles.get(1));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).extracting(EnrichedCandle::ohlcv).containsExactly(revised, candles.get(1));
        assertThat(harness.numKeyedStateEntries()).as("the series state only").isEqualTo(1);
    }
}
