package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;

/**
 * Alpaca's stream errors, code and message exactly as Alpaca words them, so every error the simulator
 * sends is one a client meets in production.
 */
enum StreamError {
    INVALID_SYNTAX(400, "invalid syntax"),
    NOT_AUTHENTICATED(401, "not authenticated"),
    AUTH_FAILED(402, "auth failed"),
    ALREADY_AUTHENTICATED(403, "already authenticated"),
    AUTH_TIMEOUT(404, "auth timeout"),
    SYMBOL_LIMIT_EXCEEDED(405, "symbol limit exceeded"),
    CONNECTION_LIMIT_EXCEEDED(406, "connection limit exceeded"),
    SLOW_CLIENT(407, "slow client"),
    V2_NOT_ENABLED(408, "v2 not enabled"),
    INSUFFICIENT_SUBSCRIPTION(409, "insufficient subscription"),
    INVALID_SUBSCRIBE_ACTION(410, "invalid subscribe action for this feed"),
    INSUFFICIENT_SCOPE(411, "insufficient scope"),
    INTERNAL_ERROR(500, "internal error");

    private final int code;
    private final String msg;

    StreamError(int code, String msg) {
        this.code = code;
        this.msg = msg;
    }

    int code() {
        return code;
    }

    String msg() {
        return msg;
    }

    /** {@code [{"T":"error","code":..,"msg":..}]}. */
    String frame() {
        return AlpacaMessageWriter.error(code, msg);
    }
}
