-- Alpaca's own bars, as its stream sends them (channels bars, updatedBars, dailyBars), beside the
-- candles the job builds from the same tape. One row per symbol, kind and start: a minute bar ("b")
-- is replaced by its updates ("u", a late trade changed it; updated becomes true), the running daily
-- bar ("d") by each newer one. Kept to compare the provider's view with ours.
CREATE TABLE provider_bars (
    symbol      text             NOT NULL,
    kind        text             NOT NULL CHECK (kind IN ('minute', 'daily')),
    start_time  timestamptz      NOT NULL,
    open        double precision NOT NULL,
    high        double precision NOT NULL,
    low         double precision NOT NULL,
    close       double precision NOT NULL,
    volume      bigint           NOT NULL,
    trade_count bigint           NOT NULL,
    vwap        double precision NOT NULL,
    updated     boolean          NOT NULL,
    received_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (symbol, kind, start_time)
);

-- Trading status changes (channel statuses): halts, resumptions, with the exchange's reason.
CREATE TABLE trading_statuses (
    id             bigserial   PRIMARY KEY,
    symbol         text        NOT NULL,
    status_time    timestamptz NOT NULL,
    timestamp_ns   bigint      NOT NULL,
    status_code    text        NOT NULL,
    status_message text,
    reason_code    text,
    reason_message text,
    tape           text,
    received_at    timestamptz NOT NULL DEFAULT now()
);

-- A replay after a failure (at-least-once) inserts nothing new: one row per message.
CREATE UNIQUE INDEX trading_statuses_message ON trading_statuses (symbol, timestamp_ns, status_code);

CREATE INDEX trading_statuses_by_time ON trading_statuses (symbol, status_time);
