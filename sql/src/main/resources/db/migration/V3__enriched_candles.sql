-- What the stream computed about each final candle; its OHLCV is the candles row with the same key.
CREATE TABLE enriched_candles (
    symbol      text        NOT NULL,
    timeframe   text        NOT NULL CHECK (timeframe IN ('1m', '5m', '15m', '1h', '1d')),
    start_time  timestamptz NOT NULL,
    -- {"sma_20": 187.2, ..., "rsi_14": null}: null until the indicator has warmed up
    indicators  jsonb       NOT NULL,
    -- candlestick patterns the candle completes, e.g. {hammer,bullish_engulfing}
    patterns    text[]      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (symbol, timeframe, start_time)
);
