package io.jonbu.ohlcv.serving.candle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jonbu.ohlcv.model.Timeframe;
import java.util.List;

/**
 * The body of a history response over several symbols: one series each, in the order asked.
 *
 * @param nextPageToken where the next page of every series that has more starts, null when none has
 */
public record CandleSeries(Timeframe timeframe, List<Series> series, @JsonProperty("next_page_token") String nextPageToken) {

    /** @param hasMore whether the next page has more of this symbol */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String symbol, List<?> candles, @JsonProperty("has_more") Boolean hasMore) {}
}
