package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.source.simulator.SimulatorFault;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --fault} specs: {@code disconnect-every=DURATION}, {@code silent-after=DURATION},
 * {@code slow-client[=FRAMES]}, {@code reject-auth}, {@code error=CODE}; durations as {@link DurationConverter}
 * reads them.
 */
final class FaultConverter implements ITypeConverter<SimulatorFault> {
    static final String KINDS = "disconnect-every=DURATION, silent-after=DURATION, slow-client[=FRAMES], reject-auth"
            + " or error=CODE";

    private final DurationConverter durations = new DurationConverter();

    @Override
    public SimulatorFault convert(String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec.trim() : spec.substring(0, eq).trim();
        String value = eq < 0 ? null : spec.substring(eq + 1).trim();
        try {
            return switch (name) {
                case "disconnect-every" -> SimulatorFault.disconnectEvery(duration(spec, name, value));
                case "silent-after" -> SimulatorFault.silentAfter(duration(spec, name, value));
                case "slow-client" -> value == null ? SimulatorFault.slowClient() : SimulatorFault.slowClient(number(spec, value));
                case "error" -> SimulatorFault.error(number(spec, required(spec, value, "an error code, such as error=406")));
                case "reject-auth" -> {
                    if (value != null) {
                        throw new TypeConversionException("'" + spec + "': reject-auth takes no value");
                    }
                    yield SimulatorFault.rejectAuth();
                }
                default -> throw new TypeConversionException("'" + spec + "' is not a fault; use " + KINDS);
            };
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + spec + "': " + e.getMessage());
        }
    }

    private Duration duration(String spec, String name, String value) {
        return durations.convert(required(spec, value, "a duration, such as " + name + "=30s"));
    }

    private static String required(String spec, String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new TypeConversionException("'" + spec + "' needs " + what);
        }
        return value;
    }

    private static int number(String spec, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + spec + "': '" + value + "' is not a number");
        }
    }
}
