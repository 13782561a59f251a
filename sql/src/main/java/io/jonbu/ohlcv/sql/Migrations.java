package io.jonbu.ohlcv.sql;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a PostgreSQL database to the schema this build expects (Flyway, {@code db/migration}). */
public final class Migrations {
    private Migrations() {}

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        return flyway(dataSource).migrate().migrationsExecuted;
    }

    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
