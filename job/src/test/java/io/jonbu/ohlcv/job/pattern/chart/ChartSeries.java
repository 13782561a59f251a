package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Crafted enriched 1m candles of one symbol, a minute apart: the prices, volume and averages the
 * chart patterns read, every other indicator NaN (not warmed up).
 */
final class ChartSeries {
    static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");

    private final String symbol;
    private final List<EnrichedCandle> candles = new ArrayList<>();

    ChartSeries(String symbol) {
        this.symbol = symbol;
    }

    /** A candle with no volume average or moving averages yet. */
    ChartSeries add(double high, double low, double close) {
        return add(high, low, close, 1000, Double.NaN, Double.NaN, Double.NaN);
    }

    ChartSeries add(double high, double low, double close, long volume, double volumeSma20, double sma50, double sma200) {
        long start = START + candles.size() * Timeframe.M1.nominalNanos();
        double[] values = new double[IndicatorKey.COUNT];
        Arrays.fill(values, Double.NaN);
        values[IndicatorKey.VOLUME_SMA_20.ordinal()] = volumeSma20;
        values[IndicatorKey.SMA_50.ordinal()] = sma50;
        values[IndicatorKey.SMA_200.ordinal()] = sma200;
        Candle c = new Candle(symbol, Timeframe.M1, start, Timeframe.M1.end(start), close, high, low, close, volume, 10, close, true, 0);
        double[] features = new double[FeatureSchema.COUNT];
        Arrays.fill(features, Double.NaN);
        candles.add(new EnrichedCandle(c, values, new String[0], MarketContext.UNKNOWN, features, ""));
        return this;
    }

    /** The same series upside down (price p becomes 200 - p), where every pattern turns into its mirror. */
    ChartSeries mirrored(String mirrorSymbol) {
        ChartSeries m = new ChartSeries(mirrorSymbol);
        for (EnrichedCandle e : candles) {
            Candle c = e.ohlcv();
            m.add(200 - c.low(), 200 - c.high(), 200 - c.close(), c.volume(), e.indicator(IndicatorKey.VOLUME_SMA_20),
                    200 - e.indicator(IndicatorKey.SMA_50), 200 - e.indicator(IndicatorKey.SMA_200));
        }
        return m;
    }

    List<EnrichedCandle> candles() {
        return candles;
    }

    Candle get(int i) {
        return candles.get(i).ohlcv();
    }
}
