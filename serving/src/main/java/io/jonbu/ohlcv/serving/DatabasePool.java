package io.jonbu.ohlcv.serving;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The production connection pool of the serving layer; the caller closes it after the server. */
public final class DatabasePool {
    private static final int MAX_CONNECTIONS = 8;
    // a request waiting longer than this for a connection is better answered with an error, and
    // the health check must report a dead database within a client's patience
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    private DatabasePool() {}

    public static HikariDataSource open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("serving");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // the serving layer only reads; the Flink job is the one writer
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }
}
