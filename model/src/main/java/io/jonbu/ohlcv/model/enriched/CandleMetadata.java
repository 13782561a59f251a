package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;

/**
 * The filterable facts of an enriched candle, gathered in one flat object for a vector store's
 * metadata filter (symbol, timeframe, session, regime, patterns). Derived from the enriched candle
 * on the way out ({@link EnrichedCandle#metadata()}), so it cannot disagree with it.
 */
@JsonPropertyOrder({"symbol", "timeframe", "session", "regime", "patterns"})
public record CandleMetadata(String symbol, Timeframe timeframe, MarketSession session, Regime regime, String[] patterns) {}
