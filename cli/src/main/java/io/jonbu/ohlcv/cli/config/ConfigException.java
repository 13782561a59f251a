package io.jonbu.ohlcv.cli.config;

import java.util.List;

/** Everything wrong with a configuration, found in one pass so a user fixes it in one go. */
public final class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line each, starting with the setting's path, as {@code feed.symbols: must not be empty}. */
    public List<String> problems() {
        return problems;
    }
}
