package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import java.util.Arrays;

/**
 * Alpaca's stream errors, code and message exactly as Alpaca words them, so every error the simulator
 * sends is one a client meets in production. Errors a client can provoke (bad syntax, no auth, a second
 * auth, a slow read) have their trigger in the session; the others are sent on demand
 * ({@link SimulatorFault.ErrorReply}) where Alpaca sends them: instead of the authentication reply for
 * the account's limits and rights, instead of the subscription reply for what was subscribed.
 */
enum StreamError {
    INVALID_SYNTAX(400, "invalid syntax", null, false),
    NOT_AUTHENTICATED(401, "not authenticated", null, false),
    AUTH_FAILED(402, "auth failed", Instead.AUTHENTICATED, true),
    ALREADY_AUTHENTICATED(403, "already authenticated", null, false),
    AUTH_TIMEOUT(404, "auth timeout", null, true),
    SYMBOL_LIMIT_EXCEEDED(405, "symbol limit exceeded", Instead.SUBSCRIPTION, false),
    CONNECTION_LIMIT_EXCEEDED(406, "connection limit exceeded", Instead.AUTHENTICATED, true),
    SLOW_CLIENT(407, "slow client", null, true),
    V2_NOT_ENABLED(408, "v2 not enabled", Instead.AUTHENTICATED, true),
    INSUFFICIENT_SUBSCRIPTION(409, "insufficient subscription", Instead.AUTHENTICATED, true),
    INVALID_SUBSCRIBE_ACTION(410, "invalid subscribe action for this feed", Instead.SUBSCRIPTION, false),
    INSUFFICIENT_SCOPE(411, "insufficient scope", Instead.AUTHENTICATED, true),
    INTERNAL_ERROR(500, "internal error", Instead.SUBSCRIPTION, true);

    /** The reply an error demanded by a fault takes the place of. */
    enum Instead { AUTHENTICATED, SUBSCRIPTION }

    private final int code;
    private final String msg;
    private final Instead instead;
    private final boolean closes;

    StreamError(int code, String msg, Instead instead, boolean closes) {
        this.code = code;
        this.msg = msg;
        this.instead = instead;
        this.closes = closes;
    }

    /** @throws IllegalArgumentException for a code Alpaca does not send */
    static StreamError of(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " is not one of Alpaca's stream error codes"));
    }

    int code() {
        return code;
    }

    String msg() {
        return msg;
    }

    /** Where a fault may demand this error; null when the client's own doing triggers it. */
    Instead instead() {
        return instead;
    }

    /** Whether Alpaca closes the connection after this error. */
    boolean closes() {
        return closes;
    }

    /** {@code [{"T":"error","code":..,"msg":..}]}. */
    String frame() {
        return AlpacaMessageWriter.error(code, msg);
    }
}
