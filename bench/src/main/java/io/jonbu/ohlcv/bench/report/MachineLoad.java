package io.jonbu.ohlcv.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average, for a figure's notes: on a shared 2-core machine, other processes'
 * runnable threads take CPU from the one measured, and the figure should say how much was going on.
 */
public final class MachineLoad {
    private MachineLoad() {}

    /** A figure's note: how loaded the machine was from {@code atStart} (an {@link #averages()}) until now. */
    public static String note(String atStart) {
        return "machine load average (1, 5, 15 min) at start " + atStart + ", at end " + averages() + ", on "
                + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** {@code /proc/loadavg}'s 1, 5 and 15 minute averages, as {@code 1.20 0.85 0.40}. */
    public static String averages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
