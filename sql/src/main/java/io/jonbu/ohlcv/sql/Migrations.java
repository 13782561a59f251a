package io.jonbu.ohlcv.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Brings a PostgreSQL database to the schema this build expects (Flyway, {@code db/migration}). */
public final class Migrations {
    private static final String LOCATION = "classpath:db/migration";
    private Migrations() {}

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        return flyway(dataSource).migrate().migrationsExecuted;
    }

    /** Applies pending migrations to the database at a JDBC URL; returns how many were applied. */
    public static int migrate(String jdbcUrl, String user, String password) {
        return Flyway.configure().dataSource(jdbcUrl, user, password).locations(LOCATION).load().migrate().migrationsExecuted;
    }

    /** Every migration this build knows and the database's state of it, oldest first; changes nothing. */
    public static List<Migration> status(DataSource dataSource) {
        List<Migration> migrations = new ArrayList<>();
        for (MigrationInfo info : flyway(dataSource).info().all()) {
            migrations.add(new Migration(info.getVersion() == null ? "" : info.getVersion().getVersion(), info.getDescription(),
                    info.getState().getDisplayName(), info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant()));
        }
        return migrations;
    }

    /**
     * One migration as {@code jonbu migrate status} lists it.
     *
     * @param state       Flyway's word for it: Success, Pending, Failed, Future (applied by a newer build), ...
     * @param installedOn null while pending
     */
    public record Migration(String version, String description, String state, Instant installedOn) {}

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).load();
    }
}
