-- Every trade correction and cancel (or error) the feed sent, and what became of it: applied to the
-- candles, which were re-emitted as revisions, or not, and why (unknown trade, beyond the
-- correction horizon). The audit trail behind a candle's revisions; the unapplied rows are what
-- the candles do not reflect.
CREATE TABLE tape_corrections (
    id                   bigserial        PRIMARY KEY,
    symbol               text             NOT NULL,
    trade_time           timestamptz      NOT NULL,
    timestamp_ns         bigint           NOT NULL,
    kind                 text             NOT NULL CHECK (kind IN ('correction', 'cancel', 'error')),
    exchange             text,
    tape                 text,
    original_id          bigint           NOT NULL,
    original_price       double precision NOT NULL,
    original_size        bigint           NOT NULL,
    original_conditions  text[],
    corrected_id         bigint,
    corrected_price      double precision,
    corrected_size       bigint,
    corrected_conditions text[],
    applied              boolean          NOT NULL,
    reason               text,
    received_at          timestamptz      NOT NULL DEFAULT now()
);

-- A replay after a failure (at-least-once) inserts nothing new: one row per message.
CREATE UNIQUE INDEX tape_corrections_message ON tape_corrections
    (symbol, timestamp_ns, kind, coalesce(exchange, ''), original_id, coalesce(corrected_id, -1));

CREATE INDEX tape_corrections_unapplied ON tape_corrections (symbol, trade_time) WHERE NOT applied;
