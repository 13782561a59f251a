package io.jonbu.ohlcv.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * New York wall-clock time of an epoch-nanosecond instant, for the edges that speak it (sessions,
 * descriptions). The offset is looked up once per stretch between two DST transitions and cached,
 * so converting the candles of a stream allocates nothing.
 */
public final class MarketClock {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final ZoneRules RULES = Timeframe.MARKET_ZONE.getRules();
    private static final int EASTERN_DAYLIGHT_OFFSET = -4 * 60 * 60;

    /** The last stretch looked up; immutable, so racing threads at worst recompute it. */
    private static volatile Stretch last = Stretch.containing(0);

    private MarketClock() {}

    /** Seconds since 1970-01-01T00:00 New York local time (epoch seconds shifted by the offset). */
    public static long localSeconds(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        return seconds + offsetSeconds(seconds);
    }

    /** EDT or EST, whichever New York observes at that instant. */
    public static String zoneAbbreviation(long epochNanos) {
        return offsetSeconds(Math.floorDiv(epochNanos, NANOS_PER_SECOND)) == EASTERN_DAYLIGHT_OFFSET ? "EDT" : "EST";
    }

    private static int offsetSeconds(long epochSeconds) {
        Stretch s = last;
        if (epochSeconds < s.from || epochSeconds >= s.until) {
            s = Stretch.containing(epochSeconds);
            last = s;
        }
        return s.offsetSeconds;
    }

    /** A span of time with one UTC offset: {@code [from, until)} in epoch seconds. */
    private record Stretch(long from, long until, int offsetSeconds) {
        static Stretch containing(long epochSeconds) {
            Instant instant = Instant.ofEpochSecond(epochSeconds);
            ZoneOffset offset = RULES.getOffset(instant);
            ZoneOffsetTransition previous = RULES.previousTransition(instant.plusSeconds(1));
            ZoneOffsetTransition next = RULES.nextTransition(instant);
            return new Stretch(previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
                    next == null ? Long.MAX_VALUE : next.toEpochSecond(), offset.getTotalSeconds());
        }
    }
}
