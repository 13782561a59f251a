package io.jonbu.ohlcv.cli.local;

import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import io.jonbu.ohlcv.sql.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL a local command works on, migrated: an external server when one is named, else the
 * embedded one (its data under a directory, or throw-away).
 */
public final class LocalDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDatabase.class);

    private final EmbeddedDatabase embedded;
    private final PostgresConnection connection;

    private LocalDatabase(EmbeddedDatabase embedded, PostgresConnection connection) {
        this.embedded = embedded;
        this.connection = connection;
    }

    /**
     * @param external      a server that is not ours to start, or null for the embedded one
     * @param dataDirectory where the embedded server keeps its data ({@code postgres/} below it); null
     *                      for a throw-away database
     * @param embeddedPort  the embedded server's port; 0 picks a free one
     */
    public static LocalDatabase open(LocalStackConfig.ExternalDatabase external, Path dataDirectory, int embeddedPort) {
        if (external != null) {
            int applied = Migrations.migrate(external.url(), external.user(), external.password());
            LOG.info("PostgreSQL at {}: {} migration(s) applied", external, applied);
            return new LocalDatabase(null, new PostgresConnection(external.url(), external.user(), external.password()));
        }
        EmbeddedDatabase db = dataDirectory == null
                ? EmbeddedDatabase.startTemporary()
                : EmbeddedDatabase.startPersistent(dataDirectory.resolve("postgres"), embeddedPort);
        return new LocalDatabase(db, new PostgresConnection(db.jdbcUrl(), null, null));
    }

    public PostgresConnection connection() {
        return connection;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.user(), connection.password());
    }

    /** Unpooled connections, for one-off commands (a server uses a pool of its own). */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(connection.url());
        if (connection.user() != null) {
            ds.setUser(connection.user());
        }
        if (connection.password() != null) {
            ds.setPassword(connection.password());
        }
        return ds;
    }

    /**
     * Records symbols as tracked, so the API knows them before their first candle and the job's source,
     * which follows the table, streams them. One removed in an earlier run is active again: naming it
     * to the stack says so.
     */
    public void track(List<String> symbols) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO symbols (symbol) VALUES (?)"
                     + " ON CONFLICT (symbol) DO UPDATE SET active = true WHERE NOT symbols.active")) {
            for (String s : symbols) {
                ps.setString(1, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stops the embedded server, if it is ours. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
