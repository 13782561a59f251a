package io.jonbu.ohlcv.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Log levels by logger, as {@code --log-level} and {@code logging.level} give them:
 * {@code io.jonbu=debug,org.apache.kafka=info}, or a bare level for jonbu's own loggers
 * ({@code debug} means {@code io.jonbu=debug}). Applied to the running logging at once, so a change
 * in the config file takes effect without a restart.
 */
record LogLevels(Map<String, Level> levels) {
    private static final String OURS = "io.jonbu";

    LogLevels {
        levels = Map.copyOf(levels);
    }

    static LogLevels parse(String text) {
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String logger = eq < 0 ? OURS : item.substring(0, eq).trim();
            String level = (eq < 0 ? item : item.substring(eq + 1)).trim().toUpperCase(Locale.ROOT);
            Level parsed = Level.getLevel(level);
            if (parsed == null || logger.isEmpty()) {
                throw new TypeConversionException("'" + item + "' is not LOGGER=LEVEL or LEVEL (levels: off, error, warn, info, debug, trace)");
            }
            levels.put(logger, parsed);
        }
        return new LogLevels(levels);
    }

    void apply() {
        levels.forEach(Configurator::setLevel);
    }

    static final class Converter implements ITypeConverter<LogLevels> {
        @Override
        public LogLevels convert(String value) {
            return parse(value);
        }
    }
}
