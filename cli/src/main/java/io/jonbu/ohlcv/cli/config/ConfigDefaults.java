package io.jonbu.ohlcv.cli.config;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives picocli a flag's value from the environment or the config file when the command line does
 * not set it; null lets the flag's annotated default apply.
 */
public record ConfigDefaults(Settings settings) implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        return ConfigKey.of(Settings.path(option.command()), option.longestName()).flatMap(settings::value).orElse(null);
    }
}
