package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.model.EpochNanos;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An RFC 3339 time, or a date meaning its midnight UTC, as epoch nanoseconds. */
final class TimeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return value.length() == 10
                    ? EpochNanos.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant())
                    : EpochNanos.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither an RFC 3339 time (2024-03-08T14:30:00Z) nor a date (2024-03-08)");
        }
    }
}
