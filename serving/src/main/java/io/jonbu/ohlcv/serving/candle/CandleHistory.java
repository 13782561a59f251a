package io.jonbu.ohlcv.serving.candle;

import io.jonbu.ohlcv.model.Timeframe;
import java.util.List;

/**
 * The body of a history response; {@code candles} ascend by start.
 *
 * @param <T> plain or enriched candles
 */
public record CandleHistory<T>(String symbol, Timeframe timeframe, List<T> candles) {}
