package io.jonbu.ohlcv.bench.tape;

import io.jonbu.ohlcv.model.EpochNanos;
import java.time.Duration;
import java.util.Locale;

/**
 * Where a tape's trades lie in time: spread evenly over {@code length} from {@code start} (epoch
 * nanoseconds). A figure's quick run takes fewer trades over a proportionally shorter span, so each
 * symbol-minute holds as many trades as in the full run and the figure measures the same work.
 *
 * @param start  the first trade's place, epoch nanoseconds UTC
 * @param length the time the trades are spread over
 */
public record TapeSpan(long start, Duration length) {
    /** Four days from Friday 2024-03-08 00:00 UTC: four New York midnights and the spring DST change (a 23-hour day). */
    public static final TapeSpan FOUR_DAYS = new TapeSpan(EpochNanos.parse("2024-03-08T00:00:00Z"), Duration.ofDays(4));
    /**
     * A fifth of {@link #FOUR_DAYS}, 19.2 hours from Saturday 2024-03-09 12:00 UTC: still across a New
     * York midnight (05:00 UTC) and the spring DST change (2024-03-10 07:00 UTC).
     */
    public static final TapeSpan FIFTH = new TapeSpan(EpochNanos.parse("2024-03-09T12:00:00Z"), FOUR_DAYS.length().dividedBy(5));
    /**
     * A twenty-fifth of {@link #FOUR_DAYS}, 3.84 hours from Sunday 2024-03-10 04:00 UTC: across a New
     * York midnight (05:00 UTC) and the spring DST change (07:00 UTC), for the figures whose work per
     * candle makes a fifth too long for a quick run.
     */
    public static final TapeSpan TWENTY_FIFTH = new TapeSpan(EpochNanos.parse("2024-03-10T04:00:00Z"), FOUR_DAYS.length().dividedBy(25));

    public TapeSpan {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("length: must be positive");
        }
    }

    /** How many minutes the span holds, for a tape's trades per symbol-minute. */
    public double minutes() {
        return length.toNanos() / 60e9;
    }

    /** For a figure's method, e.g. {@code over 4 days from 2024-03-08T00:00:00Z} or {@code over 19.2 hours from ...}. */
    public String describe() {
        String how = length.equals(Duration.ofDays(length.toDays()))
                ? length.toDays() + " days"
                : String.format(Locale.ROOT, "%.1f hours", length.toNanos() / 3600e9);
        return "over " + how + " from " + EpochNanos.format(start);
    }
}
