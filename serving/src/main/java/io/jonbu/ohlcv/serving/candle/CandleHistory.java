package io.jonbu.ohlcv.serving.candle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jonbu.ohlcv.model.Timeframe;
import java.util.List;

/**
 * The body of a history response; {@code candles} ascend by start.
 *
 * @param <T>           plain or enriched candles
 * @param nextPageToken where the next page starts, null on the last page (and on a "latest" page)
 */
public record CandleHistory<T>(String symbol, Timeframe timeframe, List<T> candles,
        @JsonProperty("next_page_token") String nextPageToken) {}
