package io.jonbu.ohlcv.cli.config;

/** A command or option group that reads secrets or the environment: {@code jonbu} hands it the invocation's settings. */
public interface UsesSettings {
    void use(Settings settings);
}
