package io.jonbu.ohlcv.sql;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

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

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).load();
    }
}
