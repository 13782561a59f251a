-- API keys of the REST and WebSocket API (`jonbu keys create|list|revoke`). A key is
-- "jonbu_<id>_<secret>": the id finds the row, and only a SHA-256 of the whole key is kept. A slow
-- password hash buys nothing here: the secret is 256 random bits, not something a person chose, so
-- it cannot be guessed from its hash, and every request checks it.
-- Each key has its own token bucket: rate_per_minute refills it, burst is its size.
CREATE TABLE api_keys (
    id              text        PRIMARY KEY,
    name            text        NOT NULL,
    key_sha256      bytea       NOT NULL,
    rate_per_minute integer     NOT NULL CHECK (rate_per_minute > 0),
    burst           integer     NOT NULL CHECK (burst > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
