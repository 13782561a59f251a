package io.jonbu.ohlcv.job.pattern.chart;

/**
 * A candle with the support and resistance of the candles before it, which a CEP condition cannot
 * see on its own: it looks at one event and at the events already in its match, never at the
 * series before the match began.
 *
 * @param resistance the highest high of the previous candles, this one excluded; NaN until there are enough
 * @param support    the lowest low of the previous candles, this one excluded; NaN until there are enough
 */
public record CandleWithLevels(ChartCandle candle, double resistance, double support) {}
