package io.jonbu.ohlcv.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Who may use the API: {@code --auth none} (anyone who reaches the port) or {@code --auth api-key}. */
enum AuthMode {
    NONE, API_KEY;

    /** Reads {@code none} and {@code api-key}, the spellings the flag documents. */
    static final class Converter implements ITypeConverter<AuthMode> {
        @Override
        public AuthMode convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "api-key", "api_key" -> API_KEY;
                default -> throw new TypeConversionException("'" + value + "' is not none or api-key");
            };
        }
    }
}
