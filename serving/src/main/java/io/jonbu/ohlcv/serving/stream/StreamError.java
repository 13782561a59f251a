package io.jonbu.ohlcv.serving.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.model.json.ApiJson;

/**
 * An error the stream reports to a client as {@code [{"T":"error","code":..,"msg":..,"field":..}]},
 * codes in the style of Alpaca's stream: {@value #INVALID_SYNTAX} invalid syntax (the connection stays
 * up), {@value #SLOW_CLIENT} slow client and {@value #TOO_LARGE} message too large (both then close
 * it); with API keys, as Alpaca: 401 not authenticated, 402 auth failed (closes), 403 already
 * authenticated, 404 auth timeout (closes), plus 429 rate limited and 503 keys unavailable (closes).
 */
final class StreamError extends RuntimeException {
    static final int INVALID_SYNTAX = 400;
    static final int SLOW_CLIENT = 407;
    static final int TOO_LARGE = 413;
    static final int NOT_AUTHENTICATED = 401;
    static final int AUTH_FAILED = 402;
    static final int ALREADY_AUTHENTICATED = 403;
    static final int AUTH_TIMEOUT = 404;
    static final int RATE_LIMITED = 429;
    static final int UNAVAILABLE = 503;

    private final int code;
    private final String field;

    private StreamError(int code, String field, String message) {
        // a reply to a client, never logged with its trace
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    /** @param field the request field at fault, or null when the message as a whole is */
    static StreamError invalidSyntax(String field, String message) {
        return new StreamError(INVALID_SYNTAX, field, (field == null ? "invalid syntax: " : field + ": ") + message);
    }

    static StreamError slowClient() {
        return new StreamError(SLOW_CLIENT, null, "slow client");
    }

    static StreamError tooLarge(int limit) {
        return new StreamError(TOO_LARGE, null, "message too large: the limit is " + limit + " characters");
    }

    static StreamError notAuthenticated() {
        return new StreamError(NOT_AUTHENTICATED, null, "not authenticated: send {\"action\":\"auth\",\"key\":\"<API key>\"} first");
    }

    static StreamError authFailed(String reason) {
        return new StreamError(AUTH_FAILED, "key", "auth failed: " + reason);
    }

    static StreamError alreadyAuthenticated() {
        return new StreamError(ALREADY_AUTHENTICATED, null, "already authenticated");
    }

    static StreamError authTimeout() {
        return new StreamError(AUTH_TIMEOUT, null, "auth timeout");
    }

    static StreamError rateLimited(long retryAfterSeconds) {
        return new StreamError(RATE_LIMITED, null, "rate limited: retry after " + retryAfterSeconds + " s");
    }

    static StreamError unavailable(String reason) {
        return new StreamError(UNAVAILABLE, null, reason);
    }

    int code() {
        return code;
    }

    /** The error as an object of a message's array: {@code {"T":"error",..}}. */
    String text() {
        ObjectNode error = ApiJson.mapper().createObjectNode().put("T", "error").put("code", code).put("msg", getMessage());
        if (field != null) {
            error.put("field", field);
        }
        return error.toString();
    }
}
