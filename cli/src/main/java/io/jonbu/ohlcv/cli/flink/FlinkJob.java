package io.jonbu.ohlcv.cli.flink;

import java.time.Instant;

/**
 * A job as a Flink cluster's REST API lists it.
 *
 * @param id    the 32 hex digits of its JobID
 * @param state Flink's JobStatus name: RUNNING, FINISHED, CANCELED, FAILED, ...
 * @param start when it was submitted
 */
public record FlinkJob(String id, String name, String state, Instant start) {
    /** Whether {@code text} has the shape of a JobID, so a typo is a usage error rather than a 404. */
    public static boolean isJobId(String text) {
        return text != null && text.matches("[0-9a-fA-F]{32}");
    }
}
