package io.jonbu.ohlcv.job.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import io.jonbu.ohlcv.model.enriched.Regime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CandleDescriptionTest {
    private static Candle candle(String symbol, Timeframe tf, String start, double close, long volume) {
        long s = EpochNanos.parse(start);
        return new Candle(symbol, tf, s, tf.end(s), close, close + 1, close - 1, close, volume, 10, close, true, 0);
    }

    private static double[] indicators() {
        double[] values = new double[IndicatorKey.COUNT];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    @Test
    void everyClauseInSummerTime() {
        Candle c = candle("AAPL", Timeframe.M1, "2025-07-14T14:30:00Z", 150.25, 1_234_567);
        double[] values = indicators();
        values[IndicatorKey.RSI_14.ordinal()] = 71.2;
        values[IndicatorKey.MACD.ordinal()] = 0.3;
        values[IndicatorKey.MACD_SIGNAL.ordinal()] = 0.25;
        values[IndicatorKey.VOLUME_SMA_20.ordinal()] = 600_000;
        MarketContext context = new MarketContext(Regime.TRENDING_UP, Double.NaN, 150.40, 15.3, 31);

        assertThat(CandleDescription.of(c, values, new String[] {"hammer"}, context, 149.5, 0.1, 0.2)).isEqualTo(
                "AAPL 1m candle at 2025-07-14 10:30 EDT: close $150.25 (+0.5%), volume 1.2M; RSI 71 overbought;"
                        + " MACD bullish crossover; hammer; uptrend (slope +15 deg); testing resistance at $150.40 on high volume");
    }

    @Test
    void theFirstCandleOfASeriesInWinterTimeSaysOnlyWhatIsKnown() {
        Candle c = candle("MSFT", Timeframe.M5, "2024-01-16T15:00:00Z", 10.5, 950);

        assertThat(CandleDescription.of(c, indicators(), new String[0], MarketContext.UNKNOWN, Double.NaN, Double.NaN, Double.NaN))
                .isEqualTo("MSFT 5m candle at 2024-01-16 10:00 EST: close $10.50, volume 950");
    }

    @Test
    void oversoldBearishCrossoverPatternsAsWordsDowntrendAndSupportOnOrdinaryVolume() {
        Candle c = candle("SPY", Timeframe.H1, "2024-12-02T20:00:00Z", 100, 999_960);
        double[] values = indicators();
        values[IndicatorKey.RSI_14.ordinal()] = 24.6;
        values[IndicatorKey.MACD.ordinal()] = -0.4;
        values[IndicatorKey.MACD_SIGNAL.ordinal()] = -0.2;
        values[IndicatorKey.VOLUME_SMA_20.ordinal()] = 900_000;
        MarketContext context = new MarketContext(Regime.TRENDING_DOWN, 99.9, 120, -12.4, 40);

        assertThat(CandleDescription.of(c, values, new String[] {"bullish_engulfing", "doji"}, context, 101, -0.3, -0.3))
                .isEqualTo("SPY 1h candle at 2024-12-02 15:00 EST: close $100.00 (-1.0%), volume 1.0M; RSI 25 oversold;"
                        + " MACD bearish crossover; bullish engulfing, doji; downtrend (slope -12 deg); testing support at $99.90");
    }

    @Test
    void neutralReadingsHaveNoQualifiersAndLevelsFurtherThanTwoTenthsOfAPercentAreNotTested() {
        Candle c = candle("TSLA", Timeframe.D1, "2024-07-01T04:00:00Z", 200, 45_300);
        double[] values = indicators();
        values[IndicatorKey.RSI_14.ordinal()] = 50;
        values[IndicatorKey.MACD.ordinal()] = 1;
        values[IndicatorKey.MACD_SIGNAL.ordinal()] = 0.5;
        MarketContext context = new MarketContext(Regime.RANGING, 199.59, 200.41, 0.2, 12);

        assertThat(CandleDescription.of(c, values, new String[0], context, 200, 0.9, 0.4))
                .isEqualTo("TSLA 1d candle at 2024-07-01 00:00 EDT: close $200.00 (0.0%), volume 45.3K; RSI 50; ranging (slope 0 deg)");
    }
}
