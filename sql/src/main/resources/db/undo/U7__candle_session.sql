-- Undoes V7__candle_session.sql (jonbu migrate down): the schema as it was before; the rows it held are gone.
ALTER TABLE candles
    DROP CONSTRAINT candles_pkey,
    ADD CONSTRAINT candles_pkey PRIMARY KEY (symbol, timeframe, start_time)
        INCLUDE (end_time, open, high, low, close, volume, trade_count, vwap, is_final, revision);
ALTER TABLE candles
    DROP CONSTRAINT candles_session_check,
    DROP COLUMN session;
