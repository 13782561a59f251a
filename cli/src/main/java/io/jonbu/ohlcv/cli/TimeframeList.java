package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.model.Timeframe;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads one timeframe label of a {@code --timeframes 1m,5m} list. */
final class TimeframeList implements ITypeConverter<Timeframe> {
    @Override
    public Timeframe convert(String value) {
        try {
            return Timeframe.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
