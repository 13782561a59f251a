package io.jonbu.ohlcv.model;

/**
 * Input the job could not use, kept whole so nothing is lost: where it came from, why it was
 * rejected, and the raw text.
 *
 * @param source     the feed or file that delivered it
 * @param reason     what was wrong, naming the field where there is one
 * @param raw        the offending text (one message of a batch, or the whole line if it is not JSON)
 * @param receivedAt epoch nanoseconds UTC when it was rejected
 */
public record DeadLetter(String source, String reason, String raw, long receivedAt) {

    @Override
    public String toString() {
        return "malformed message from " + source + ": " + reason + ": " + raw;
    }
}
