-- The trading session each candle covers (issue "trades as the tape defines them"): an intraday
-- candle's is that of its start in New York time, a daily candle's is full_day or, when the job
-- builds daily candles from the regular session only, regular. (V6 is left to the tape-corrections
-- migration developed alongside this one.)
ALTER TABLE candles ADD COLUMN session text;

UPDATE candles SET session = CASE
    WHEN timeframe = '1d' THEN 'full_day'
    WHEN extract(isodow FROM start_time AT TIME ZONE 'America/New_York') >= 6 THEN 'closed'
    WHEN (start_time AT TIME ZONE 'America/New_York')::time < time '04:00' THEN 'closed'
    WHEN (start_time AT TIME ZONE 'America/New_York')::time < time '09:30' THEN 'pre_market'
    WHEN (start_time AT TIME ZONE 'America/New_York')::time < time '16:00' THEN 'regular'
    WHEN (start_time AT TIME ZONE 'America/New_York')::time < time '20:00' THEN 'after_hours'
    ELSE 'closed' END;

ALTER TABLE candles
    ALTER COLUMN session SET NOT NULL,
    ADD CONSTRAINT candles_session_check
        CHECK (session IN ('pre_market', 'regular', 'after_hours', 'closed', 'full_day'));

-- keep history reads index-only: the key carries every column the API returns
ALTER TABLE candles
    DROP CONSTRAINT candles_pkey,
    ADD CONSTRAINT candles_pkey PRIMARY KEY (symbol, timeframe, start_time)
        INCLUDE (end_time, open, high, low, close, volume, trade_count, vwap, is_final, revision, session);
