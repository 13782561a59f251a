package io.jonbu.ohlcv.cli.flink;

/** The cluster could not be reached, or refused a request; the message says which and why, for the user. */
public final class FlinkRestException extends RuntimeException {
    private final int status;

    public FlinkRestException(String message, int status) {
        super(message);
        this.status = status;
    }

    FlinkRestException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Flink answered with; 0 when it did not answer. */
    public int status() {
        return status;
    }
}
