package io.jonbu.ohlcv.serving.candle;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import java.util.List;

/** The body of a history response; {@code candles} ascend by start. */
public record CandleHistory(String symbol, Timeframe timeframe, List<Candle> candles) {}
