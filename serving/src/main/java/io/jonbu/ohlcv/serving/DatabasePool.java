package io.jonbu.ohlcv.serving;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The production connection pools of the serving layer; the caller closes them after the server. */
public final class DatabasePool {
    private static final int MAX_CONNECTIONS = 8;
    private static final int MAX_CONTROL_CONNECTIONS = 2;
    // a request waiting longer than this for a connection is better answered with an error, and
    // the health check must report a dead database within a client's patience
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    private DatabasePool() {}

    /** The read-only pool every data route uses. */
    public static HikariDataSource open(String jdbcUrl, String user, String password) {
        HikariConfig config = config("serving", jdbcUrl, user, password, MAX_CONNECTIONS);
        // the serving layer only reads data; the Flink job is the one writer of candles
        config.setReadOnly(true);
        // every statement prepared on the server from its first run, so that results come in binary:
        // doubles and times as their bytes rather than text the driver must parse (a year of history
        // is read once per connection, too rarely for the driver's default of preparing on the fifth)
        config.addDataSourceProperty("prepareThreshold", "-1");
        return new HikariDataSource(config);
    }

    /**
     * A small writable pool for the tracked-symbol list (the {@code symbols} table), the one thing the
     * serving layer writes: it is configuration the job reads, not data. Apart from {@link #open} so
     * that the data routes keep a connection that cannot write, and so that symbol changes, which are
     * rare, cannot take connections from reads.
     */
    public static HikariDataSource openControlPlane(String jdbcUrl, String user, String password) {
        return new HikariDataSource(config("serving-control", jdbcUrl, user, password, MAX_CONTROL_CONNECTIONS));
    }

    private static HikariConfig config(String name, String jdbcUrl, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        return config;
    }
}
