package io.jonbu.ohlcv.serving.symbol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A row of the {@code symbols} table as the API shows it.
 *
 * @param addedAt RFC 3339 UTC, when the symbol was first tracked
 * @param active  whether the job streams it; a removed symbol stays, inactive, with its candles
 */
public record TrackedSymbol(String symbol, @JsonProperty("added_at") String addedAt, boolean active) {}
