package io.jonbu.ohlcv.job.enrich;

import io.jonbu.ohlcv.job.enrich.context.SeriesContext;
import io.jonbu.ohlcv.job.indicator.IndicatorSet;
import io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPatternSet;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;

/**
 * Everything the stream remembers about one series (symbol and timeframe) to enrich its next
 * candle: the indicators, the candlestick patterns and the market context. One Flink POJO, so
 * {@link EnrichmentFunction} reads and writes one state per candle, and the enrichment itself can
 * be run and measured without Flink.
 */
public class SeriesEnricher {
    public IndicatorSet indicators;
    public CandlestickPatternSet candlesticks;
    public SeriesContext context;

    /** For Flink's serializer only. */
    public SeriesEnricher() {}

    /** @param pivotLookback candles each side that confirm a pivot high or low */
    public SeriesEnricher(int pivotLookback) {
        indicators = new IndicatorSet();
        candlesticks = new CandlestickPatternSet();
        context = new SeriesContext(pivotLookback);
    }

    /** Feeds the series its next final candle, in order, once. */
    public EnrichedCandle enrich(Candle candle) {
        double[] values = new double[IndicatorKey.COUNT];
        indicators.update(candle, values);
        candlesticks.update(candle);
        String[] fired = candlesticks.firedNames();
        double previousClose = context.previousClose;
        double previousMacd = context.previousMacd;
        double previousSignal = context.previousSignal;
        double[] features = new double[FeatureSchema.COUNT];
        MarketContext market = context.update(candle, values, features);
        String description = CandleDescription.of(candle, values, fired, market, previousClose, previousMacd, previousSignal);
        return new EnrichedCandle(candle, values, fired, market, features, description);
    }
}
