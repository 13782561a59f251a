package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.source.simulator.SimulatorFault;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --fault} specs: {@code disconnect-every=DURATION}, {@code silent-after=DURATION},
 * {@code slow-client[=FRAMES]}, {@code reject-auth}; durations as {@link DurationConverter} reads them.
 */
final class FaultConverter implements ITypeConverter<SimulatorFault> {
    static final String KINDS = "disconnect-every=DURATION, silent-after=DURATION, slow-client[=FRAMES] or reject-auth";

    private final DurationConverter durations = new DurationConverter();

    @Override
    public SimulatorFault convert(String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec.trim() : spec.substring(0, eq).trim();
        String value = eq < 0 ? null : spec.substring(eq + 1).trim();
        try {
            return switch (name) {
                case "disconnect-every" -> SimulatorFault.disconnectEvery(durations.convert(required(spec, value)));
                case "silent-after" -> SimulatorFault.silentAfter(durations.convert(required(spec, value)));
                case "slow-client" -> value == null ? SimulatorFault.slowClient() : SimulatorFault.slowClient(frames(spec, value));
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

    private static String required(String spec, String value) {
        if (value == null || value.isEmpty()) {
            throw new TypeConversionException("'" + spec + "' needs a duration, such as " + spec.trim() + "=30s");
        }
        return value;
    }

    private static int frames(String spec, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + spec + "': '" + value + "' is not a number of frames");
        }
    }
}
