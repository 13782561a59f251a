package io.jonbu.ohlcv.job.enrich.context;

import io.jonbu.ohlcv.job.indicator.Sma;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;

/**
 * The market context and feature vector of one symbol and timeframe, fed each candle once, in
 * order, after its indicators: the keyed state the enrichment adds to {@code IndicatorSet}. A
 * Flink POJO built of Flink POJOs. Also remembers what the previous candle's description compares
 * against: its close and its MACD and signal.
 */
public class SeriesContext {
    public static final int TREND_PERIOD = 20;
    public static final int PIVOT_MEMORY = 8;

    public TrendLine trend;
    public Pivots pivots;
    public Sma natrAverage;
    public FeatureVector features;
    public double previousClose = Double.NaN;
    public double previousMacd = Double.NaN;
    public double previousSignal = Double.NaN;

    /** For Flink's serializer only. */
    public SeriesContext() {}

    /** @param pivotLookback candles each side of a pivot that confirm it */
    public SeriesContext(int pivotLookback) {
        trend = new TrendLine(TREND_PERIOD);
        pivots = new Pivots(pivotLookback, PIVOT_MEMORY);
        natrAverage = new Sma(RegimeRule.NATR_AVERAGE_PERIOD);
        features = new FeatureVector(FeatureSchema.ROLLING_WINDOW);
    }

    /**
     * Moves the context on by {@code c}, writes its features to {@code featuresOut} and returns its
     * context. Read {@code previous*} before this call: it advances them to {@code c}.
     */
    public MarketContext update(Candle c, double[] indicators, double[] featuresOut) {
        double slope = trend.update(c.close());
        pivots.update(c.high(), c.low(), c.close());
        double natr = indicators[IndicatorKey.NATR_14.ordinal()];
        double natrMean = Double.isNaN(natr) ? Double.NaN : natrAverage.update(natr);
        double adx = indicators[IndicatorKey.ADX_14.ordinal()];
        features.update(c, indicators, slope, previousClose, featuresOut);
        previousClose = c.close();
        previousMacd = indicators[IndicatorKey.MACD.ordinal()];
        previousSignal = indicators[IndicatorKey.MACD_SIGNAL.ordinal()];
        return new MarketContext(RegimeRule.classify(adx, slope, natr, natrMean), pivots.support, pivots.resistance, slope, adx);
    }
}
