package io.jonbu.ohlcv.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Conversions between epoch nanoseconds UTC (the one time representation inside the system) and
 * RFC 3339 text at the edges. Alpaca stamps every message with {@code 2024-03-08T14:30:00.123456789Z};
 * that shape is parsed without allocation because it is on the hot path of every trade.
 */
public final class EpochNanos {
    /** The longest text of {@link #format}, with nine fraction digits. */
    public static final int MAX_FORMATTED_LENGTH = 30;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int[] SCALE = {
        100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private EpochNanos() {}

    /**
     * Parses an RFC 3339 timestamp to epoch nanoseconds.
     *
     * @throws DateTimeParseException when the text is not RFC 3339, or lies outside the years
     *     1678-2262 that epoch nanoseconds in a long can hold
     */
    public static long parse(CharSequence s) {
        try {
            long fast = parseUtc(s);
            if (fast != Long.MIN_VALUE) {
                return fast;
            }
            // offsets other than Z, lower-case separators: rare, so the JDK parser is good enough
            OffsetDateTime t = OffsetDateTime.parse(s);
            return ofSeconds(t.toEpochSecond(), t.getNano());
        } catch (ArithmeticException e) {
            throw new DateTimeParseException("out of the range of epoch nanoseconds", s, 0, e);
        }
    }

    public static long of(Instant instant) {
        return ofSeconds(instant.getEpochSecond(), instant.getNano());
    }

    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    /** Epoch milliseconds, rounded down: Flink's event-time unit. */
    public static long toMillis(long epochNanos) {
        return Math.floorDiv(epochNanos, 1_000_000L);
    }

    public static long ofMillis(long epochMillis) {
        return Math.multiplyExact(epochMillis, 1_000_000L);
    }

    /**
     * RFC 3339 in UTC, fraction trimmed to milli-, micro- or nanoseconds as needed: the text of
     * {@code Instant.toString()}, written by hand because the API writes two per candle and the JDK's
     * formatter was a tenth of the time spent serving a year of history.
     */
    public static String format(long epochNanos) {
        byte[] text = new byte[MAX_FORMATTED_LENGTH];
        return new String(text, 0, formatTo(epochNanos, text), StandardCharsets.US_ASCII);
    }

    /**
     * {@link #format}'s text as ASCII bytes into {@code text} from its start, for writers that take
     * bytes (a JSON generator's raw UTF-8 string); returns its length.
     */
    public static int formatTo(long epochNanos, byte[] text) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int nanos = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // civil from days (H. Hinnant's algorithm), the inverse of daysFromCivil
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        int length = fraction == 0 ? 20 : 21 + fraction;
        put(text, 0, year, 4);
        text[4] = '-';
        put(text, 5, month, 2);
        text[7] = '-';
        put(text, 8, day, 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (fraction > 0) {
            text[19] = '.';
            put(text, 20, nanos / SCALE[fraction - 1], fraction);
        }
        text[length - 1] = 'Z';
        return length;
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded. */
    private static void put(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static long ofSeconds(long seconds, long nanos) {
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or Long.MIN_VALUE when the text has another shape. */
    private static long parseUtc(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0
                || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        long nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Long.MIN_VALUE;
            }
            int f = digits(s, 20, fraction);
            if (f < 0) {
                return Long.MIN_VALUE;
            }
            nanos = (long) f * SCALE[fraction - 1];
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return ofSeconds(seconds, nanos);
    }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
