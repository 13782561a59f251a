package io.jonbu.ohlcv.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for long work: {@code export [#######.......]  48%  12,000/25,000 candles},
 * or, for work measured by where it is rather than by a count known ahead (a paged download through
 * a time range), {@code fetch [#######.......]  48%  12,000 bars, MSFT at 2024-05-03}. Redrawn in place
 * at most every {@link #REDRAW_NANOS}, so a fast loop does not spend its time printing.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final long total;
    private final LongSupplier nanoTime;
    private long done;
    private String status;
    private long drawnAt = Long.MIN_VALUE;

    ProgressBar(PrintWriter err, String label, long total, String unit) {
        this(err, label, total, unit, System::nanoTime);
    }

    ProgressBar(PrintWriter err, String label, long total, String unit, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.nanoTime = nanoTime;
    }

    void advance(long n) {
        done += n;
        redraw();
    }

    /** Sets how far the work is, out of the total, and what to show after the bar instead of the count. */
    void moveTo(long position, String status) {
        done = position;
        this.status = status;
        redraw();
    }

    private void redraw() {
        long now = nanoTime.getAsLong();
        if (drawnAt == Long.MIN_VALUE || now - drawnAt >= REDRAW_NANOS || done >= total) {
            drawnAt = now;
            err.print('\r' + line());
            err.flush();
        }
    }

    /** Ends the bar's line with a summary. */
    void finish(String summary) {
        err.print('\r' + line() + '\n' + summary + '\n');
        err.flush();
    }

    String line() {
        long shown = Math.min(done, total);
        int filled = total <= 0 ? WIDTH : (int) (WIDTH * shown / total);
        int percent = total <= 0 ? 100 : (int) (100 * shown / total);
        String bar = String.format(Locale.ROOT, "%s [%s%s] %3d%%  ", label, "#".repeat(filled), ".".repeat(WIDTH - filled), percent);
        return bar + (status != null ? status : String.format(Locale.ROOT, "%,d/%,d %s", done, total, unit));
    }
}
