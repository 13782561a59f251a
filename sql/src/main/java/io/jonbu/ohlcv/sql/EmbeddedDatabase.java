package io.jonbu.ohlcv.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server started from a Maven artifact (no installation, no Docker), with the
 * schema migrated. Local mode keeps its data directory so candles survive restarts; tests use a
 * throw-away one.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A fresh server on a free port with an empty, temporary data directory. */
    public static EmbeddedDatabase startTemporary() {
        return start(EmbeddedPostgres.builder());
    }

    /**
     * A server whose data lives in {@code dataDirectory} (created on first use, kept after close).
     *
     * @param port the port to listen on; 0 picks a free one
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        return start(builder);
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
            Migrations.migrate(db.dataSource());
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** The {@code postgres} database as user {@code postgres}. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
