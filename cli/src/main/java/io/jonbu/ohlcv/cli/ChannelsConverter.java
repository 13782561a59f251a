package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.model.alpaca.Channel;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --channels quotes,bars,updatedBars,dailyBars,statuses} (or {@code none}) with Alpaca's channel names. */
final class ChannelsConverter implements ITypeConverter<Set<Channel>> {
    @Override
    public Set<Channel> convert(String value) {
        try {
            return Channel.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
