package io.jonbu.ohlcv.cli.local;

import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import io.jonbu.ohlcv.sql.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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
        if (dataDirectory != null) {
            Optional<Integer> running = runningPort(dataDirectory.resolve("postgres"));
            if (running.isPresent()) {
                // a `jonbu run` (or another command) has the directory's server up: share it, as a second
                // server cannot open the same data
                String url = "jdbc:postgresql://localhost:" + running.get() + "/postgres";
                LOG.info("PostgreSQL of {} is running on port {}: using it", dataDirectory, running.get());
                return open(new LocalStackConfig.ExternalDatabase(url, "postgres", null), null, 0);
            }
        }
        EmbeddedDatabase db = dataDirectory == null
                ? EmbeddedDatabase.startTemporary()
                : EmbeddedDatabase.startPersistent(dataDirectory.resolve("postgres"), embeddedPort);
        return new LocalDatabase(db, new PostgresConnection(db.jdbcUrl(), null, null));
    }

    /**
     * The port of the server running on {@code directory}, read from its {@code postmaster.pid}
     * (PostgreSQL writes the postmaster's pid on line 1 and its port on line 4), when that process lives.
     */
    private static Optional<Integer> runningPort(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            boolean alive = lines.size() >= 4
                    && ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.warn("cannot read {}: {}", directory.resolve("postmaster.pid"), e.toString());
            return Optional.empty();
        }
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

    /** Marks symbols as no longer tracked (as {@code DELETE /api/v1/symbols/{symbol}} does); their candles stay. */
    public void untrack(List<String> symbols) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("UPDATE symbols SET active = false WHERE symbol = ?")) {
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
