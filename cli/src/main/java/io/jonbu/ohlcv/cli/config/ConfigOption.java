package io.jonbu.ohlcv.cli.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} flag. {@link Settings#of} reads it from the raw arguments before picocli
 * parses them, because the file supplies the defaults that parse applies; the flag is declared
 * here so picocli accepts it and documents it.
 */
public final class ConfigOption {
    @Option(names = Settings.CONFIG_OPTION, paramLabel = "FILE",
            description = {"YAML config file (env " + Settings.CONFIG_VARIABLE + "); environment variables JONBU_* override it and",
                "flags override both; `jonbu config show` lists every setting"})
    Path file;
}
