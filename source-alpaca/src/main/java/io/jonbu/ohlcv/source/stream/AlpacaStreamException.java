package io.jonbu.ohlcv.source.stream;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/** Alpaca refused the stream for a reason reconnecting cannot fix; it fails the reader and with it the job. */
public class AlpacaStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String> WHAT_TO_DO = Map.of(
            400, "the server rejected our message as invalid",
            402, "check the API key and secret",
            404, "authentication took too long; check the network to the server",
            408, "the account is not enabled for Market Data v2",
            409, "the feed in the URL is not in the account's plan (sip needs a paid plan; use iex)",
            410, "the feed does not allow this subscription",
            411, "the API key lacks the scope for this stream");
    /** Keys, account, plan or our own message: a restarted job would be refused the same way. */
    private static final Set<Integer> FINAL = Set.of(400, 402, 408, 409, 410, 411);

    private final int code;

    private AlpacaStreamException(String message, int code) {
        super(message);
        this.code = code;
    }

    static AlpacaStreamException of(int code, String msg, String splitId, String url) {
        String message = "Alpaca stream error " + code + " (" + msg + ") for split " + splitId + " at " + url + ": "
                + WHAT_TO_DO.getOrDefault(code, "not retrying");
        return FINAL.contains(code) ? new Final(message, code) : new AlpacaStreamException(message, code);
    }

    /** The codes that mean reconnecting is pointless. */
    static boolean isFatal(int code) {
        return WHAT_TO_DO.containsKey(code);
    }

    /** Alpaca's error code. */
    public int code() {
        return code;
    }

    /** Flink does not restart a job that failed with this, so bad keys never turn into a loop of refused logins. */
    @ThrowableAnnotation(ThrowableType.NonRecoverableError)
    private static final class Final extends AlpacaStreamException {
        private static final long serialVersionUID = 1L;

        Final(String message, int code) {
            super(message, code);
        }
    }
}
