package io.jonbu.ohlcv.source.rest;

/**
 * A historical request that failed for good: Alpaca refused it (a 4xx other than 429, with Alpaca's
 * {@code {"code","message"}}), retries ran out, or the circuit is open. Unchecked, because results
 * are consumed lazily through iterators and streams.
 */
public class AlpacaRestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;
    private final String alpacaMessage;

    /**
     * @param status        HTTP status, or 0 when no response decided it (I/O failure, open circuit)
     * @param code          Alpaca's error code, or 0 when the body had none
     * @param alpacaMessage Alpaca's error message, or null
     */
    public AlpacaRestException(String message, int status, int code, String alpacaMessage, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.alpacaMessage = alpacaMessage;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String alpacaMessage() {
        return alpacaMessage;
    }
}
