package io.jonbu.ohlcv.job.feed;

import java.util.Locale;

/**
 * Why a feed message was rejected, in a few kinds: the {@code reason} label of the
 * {@code rejectedMessages} metric. The dead letter keeps the parser's whole sentence; a label must
 * take few values, or every distinct message would become a time series of its own.
 */
enum RejectReason {
    /** Not JSON, or not the arrays of objects Alpaca sends. */
    INVALID_JSON,
    /** A field a message of its type must have is missing. */
    MISSING_FIELD,
    /** A message type ({@code "T"}) the feed does not define. */
    UNKNOWN_TYPE,
    /** A field with a value no real message has: a negative price, a zero size. */
    INVALID_VALUE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of the parser's reason (see {@code AlpacaMessageParser}). */
    static RejectReason of(String reason) {
        if (reason.startsWith("missing field")) {
            return MISSING_FIELD;
        }
        if (reason.startsWith("unknown message type")) {
            return UNKNOWN_TYPE;
        }
        if (reason.startsWith("invalid JSON") || reason.startsWith("unterminated") || reason.startsWith("unexpected text")
                || reason.startsWith("expected") || reason.startsWith("empty message")) {
            return INVALID_JSON;
        }
        return INVALID_VALUE;
    }
}
