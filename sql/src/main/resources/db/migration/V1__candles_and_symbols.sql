-- Symbols the service tracks. A symbol is known to the API when it is tracked or has candles.
CREATE TABLE symbols (
    symbol     text        PRIMARY KEY,
    added_at   timestamptz NOT NULL DEFAULT now(),
    active     boolean     NOT NULL DEFAULT true
);

-- One row per candle; the job upserts, so a revised candle (late trade) replaces the row.
-- The primary key carries every value column (INCLUDE) so history reads are index-only scans:
-- a live feed writes candles of all symbols interleaved, which scatters one symbol's rows over
-- many heap pages (see shared/ANCHORS.md: 200+ ms per year of 1m candles without it, ~22 ms with it).
CREATE TABLE candles (
    symbol      text             NOT NULL,
    timeframe   text             NOT NULL CHECK (timeframe IN ('1m', '5m', '15m', '1h', '1d')),
    start_time  timestamptz      NOT NULL,
    end_time    timestamptz      NOT NULL,
    open        double precision NOT NULL,
    high        double precision NOT NULL,
    low         double precision NOT NULL,
    close       double precision NOT NULL,
    volume      bigint           NOT NULL,
    trade_count bigint           NOT NULL,
    vwap        double precision NOT NULL,
    is_final    boolean          NOT NULL,
    revision    integer          NOT NULL DEFAULT 0,
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT candles_pkey PRIMARY KEY (symbol, timeframe, start_time)
        INCLUDE (end_time, open, high, low, close, volume, trade_count, vwap, is_final, revision)
);
