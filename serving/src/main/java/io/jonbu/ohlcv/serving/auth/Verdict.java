package io.jonbu.ohlcv.serving.auth;

/** What {@link Access} says of a request's key. */
public sealed interface Verdict {

    /** Go ahead; {@code key} is null when the server needs no keys. */
    record Granted(ApiKey key, long remaining) implements Verdict {}

    /** No key, or not one of ours, or revoked: 401. */
    record Denied(String reason) implements Verdict {}

    /** The key's bucket is empty: 429, and try again after {@code retryAfterSeconds}. */
    record Limited(ApiKey key, long retryAfterSeconds) implements Verdict {}

    /** The keys cannot be checked now (the database is down): 503. */
    record Unavailable(String reason) implements Verdict {}
}
