package io.jonbu.ohlcv.cli;

import picocli.CommandLine.Option;

/** {@code --log-level}, for the long-running commands; the config file's {@code logging.level} is reloaded live. */
final class LogLevelOption {
    @Option(names = "--log-level", paramLabel = "LEVELS", converter = LogLevels.Converter.class,
            description = {"log levels: a level for jonbu's own logs (debug), or LOGGER=LEVEL,... (io.jonbu=debug,org.apache.kafka=info);",
                "logging.level in the config file is applied again whenever the file changes"})
    LogLevels levels;

    /** Sets the levels given, if any. */
    void apply() {
        if (levels != null) {
            levels.apply();
        }
    }
}
