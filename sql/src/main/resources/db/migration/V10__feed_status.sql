-- The live source's latest report per split (a group of symbols on one stream connection): whether it
-- is connected and the state of the circuit breaker of the REST client its gap backfills use. The
-- serving layer's /health reads it, so the feed's state reaches health the way every other datum
-- reaches serving: through the store, never by asking the job.
CREATE TABLE feed_status (
    split           text        PRIMARY KEY,
    connected       boolean     NOT NULL,
    rest_circuit    text        NOT NULL CHECK (rest_circuit IN ('closed', 'open', 'half_open')),
    symbols         integer     NOT NULL,
    last_message_at timestamptz,
    reported_at     timestamptz NOT NULL
);
