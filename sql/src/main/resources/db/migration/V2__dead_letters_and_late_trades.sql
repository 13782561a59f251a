-- Feed messages the job could not parse, kept whole so nothing is lost.
CREATE TABLE dead_letters (
    id          bigserial   PRIMARY KEY,
    source      text        NOT NULL,
    reason      text        NOT NULL,
    raw         text        NOT NULL,
    received_at timestamptz NOT NULL
);

-- Trades that arrived after their candle was closed and past the allowed lateness.
-- Keyed by the exact nanosecond time and id, so a replay after a failure does not duplicate them.
CREATE TABLE late_trades (
    symbol       text             NOT NULL,
    timestamp_ns bigint           NOT NULL,
    trade_id     bigint           NOT NULL,
    trade_time   timestamptz      NOT NULL,
    exchange     text,
    price        double precision NOT NULL,
    size         bigint           NOT NULL,
    conditions   text[]           NOT NULL,
    tape         text,
    received_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (symbol, timestamp_ns, trade_id)
);
