package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * What the chart patterns read of an enriched candle: its series, span, prices and volume, and the
 * three averages a {@link io.jonbu.ohlcv.model.enriched.ChartPatternEvent} carries. The enriched
 * candle itself (every indicator, the features, the description) is ten times the size, and the
 * patterns would shuffle it and keep it in their match buffers for nothing.
 */
public record ChartCandle(String symbol, Timeframe timeframe, long start, long end, double high, double low, double close,
        long volume, double volumeSma20, double sma50, double sma200) {

    /** One key per symbol and timeframe. */
    public static final KeySelector<ChartCandle, String> BY_SERIES = c -> c.symbol() + '/' + c.timeframe().label();

    public static ChartCandle of(EnrichedCandle e) {
        Candle c = e.ohlcv();
        return new ChartCandle(c.symbol(), c.timeframe(), c.start(), c.end(), c.high(), c.low(), c.close(), c.volume(),
                e.indicator(IndicatorKey.VOLUME_SMA_20), e.indicator(IndicatorKey.SMA_50), e.indicator(IndicatorKey.SMA_200));
    }
}
