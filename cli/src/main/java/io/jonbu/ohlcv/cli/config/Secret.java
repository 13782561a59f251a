package io.jonbu.ohlcv.cli.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Settings that are never a command-line flag (a flag shows in {@code ps} and in shell history) and
 * never printed: from the environment, or from the config file, which can be kept readable by its
 * owner only.
 */
public enum Secret {
    ALPACA_KEY_ID("alpaca.key_id", "APCA_API_KEY_ID"),
    ALPACA_SECRET_KEY("alpaca.secret_key", "APCA_API_SECRET_KEY"),
    DATABASE_PASSWORD("database.password", "JONBU_DB_PASSWORD"),
    TLS_PASSWORD("serving.tls.password", "JONBU_TLS_PASSWORD");

    private final String path;
    private final String environmentVariable;

    Secret(String path, String environmentVariable) {
        this.path = path;
        this.environmentVariable = environmentVariable;
    }

    public String path() {
        return path;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    static Optional<Secret> ofPath(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
}
