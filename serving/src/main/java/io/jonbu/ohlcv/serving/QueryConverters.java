package io.jonbu.ohlcv.serving;

import io.javalin.config.ValidationConfig;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How query-string text becomes typed values for {@code ctx.queryParamAsClass}. Each converter throws
 * an {@link IllegalArgumentException} whose message is written for the API client, because the error
 * mapper passes conversion messages through unchanged.
 */
final class QueryConverters {
    private QueryConverters() {}

    static void registerOn(ValidationConfig validation) {
        validation.register(Timeframe.class, Timeframe::parse);
        validation.register(Instant.class, QueryConverters::instant);
        // replaces Javalin's own, whose NumberFormatException message ("For input string") means
        // nothing to a client
        validation.register(Integer.class, QueryConverters::integer);
    }

    /**
     * RFC 3339, or a plain date meaning midnight UTC (the convenient form for daily ranges). Passed
     * through epoch nanos so that a time the system cannot represent (after 2262) is a 400 here
     * rather than an overflow in a handler.
     */
    private static Instant instant(String text) {
        try {
            long epochNanos = text.length() == 10
                    ? EpochNanos.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant())
                    : EpochNanos.parse(text);
            return EpochNanos.toInstant(epochNanos);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is neither an RFC 3339 time (2024-03-08T14:30:00Z) nor a date (2024-03-08)", e);
        }
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer", e);
        }
    }
}
