package io.jonbu.ohlcv.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A candle width and its alignment rule. Intraday frames align to multiples of their width since the
 * UTC epoch (so 1h candles start on UTC hours). The daily frame aligns to midnight America/New_York,
 * Alpaca's daily-bar convention, so a daily candle lasts 23 or 25 hours on DST-change days.
 *
 * <p>All times are epoch nanoseconds UTC.
 */
public enum Timeframe {
    M1("1m", 60),
    M5("5m", 5 * 60),
    M15("15m", 15 * 60),
    H1("1h", 60 * 60),
    D1("1d", 24 * 60 * 60);

    public static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String label;
    private final long nanos;

    Timeframe(String label, long seconds) {
        this.label = label;
        this.nanos = seconds * NANOS_PER_SECOND;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Nominal width; the daily frame's real width is {@link #end(long)} minus start. */
    public long nominalNanos() {
        return nanos;
    }

    /** Start of the candle that holds {@code epochNanos}. */
    public long start(long epochNanos) {
        if (this == D1) {
            return MarketDays.midnight(MarketDays.dateAt(epochNanos));
        }
        return Math.floorDiv(epochNanos, nanos) * nanos;
    }

    /** End (exclusive) of the candle that starts at {@code start}. */
    public long end(long start) {
        if (this == D1) {
            return MarketDays.midnight(MarketDays.dateAt(start) + 1);
        }
        return start + nanos;
    }

    /** Parses a label such as {@code 5m}; the message lists the valid ones. */
    @JsonCreator
    public static Timeframe parse(String label) {
        if (label != null) {
            String l = label.trim().toLowerCase(Locale.ROOT);
            for (Timeframe t : values()) {
                if (t.label.equals(l)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + label + "', expected one of " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
