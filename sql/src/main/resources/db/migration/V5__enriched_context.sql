-- Market context, ML features and a description for each enriched candle (issue "enriched candles
-- ready for ML/RAG"). Nullable: rows written before this migration have none.
ALTER TABLE enriched_candles
    -- {"regime": "trending_up", "support": 187.1, "resistance": null, "trend_slope_deg": 12.5, "trend_strength": 31.2}
    ADD COLUMN context                jsonb,
    -- one value in 0..1 per feature of the schema version below, in its order; NULL before warm-up
    ADD COLUMN features               real[],
    ADD COLUMN feature_schema_version int,
    -- the candle in one line of plain English
    ADD COLUMN description            text,
    -- {"symbol": "AAPL", "timeframe": "1m", "session": "regular", "regime": "ranging", "patterns": ["hammer"]}
    ADD COLUMN metadata               jsonb,
    -- the features with NULL replaced by the neutral 0.5, ready for a vector index
    ADD COLUMN embedding              real[];
