package io.jonbu.ohlcv.source.simulator;

/** A REST request the simulator refuses, answered as Alpaca does: HTTP status and {@code {"code","message"}}. */
final class HistoricalError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Alpaca's codes: the HTTP status followed by a sub-code. */
    static final int BAD_PARAMETER = 40010001;
    static final int NOT_AUTHORIZED = 40110000;
    static final int FORBIDDEN = 40310000;
    static final int INVALID_VALUE = 42210000;
    static final int RATE_LIMITED = 42910000;

    private final int status;
    private final int code;

    HistoricalError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static HistoricalError badParameter(String message) {
        return new HistoricalError(400, BAD_PARAMETER, message);
    }

    static HistoricalError invalidValue(String message) {
        return new HistoricalError(422, INVALID_VALUE, message);
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}
