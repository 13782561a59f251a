package io.jonbu.ohlcv.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a PostgreSQL database to the schema this build expects (Flyway, {@code db/migration}), and
 * back down: Flyway's community edition has no undo, so each {@code V<n>__x.sql} has its inverse in
 * {@code db/undo/U<n>__x.sql} (Flyway's own naming for undo scripts, kept out of its location so it
 * never sees them), and {@link #undo} runs them newest first, each with the removal of its history
 * row in one transaction: a failed step leaves the database at the version before it.
 */
public final class Migrations {
    private static final String LOCATION = "classpath:db/migration";
    private static final String UNDO_LOCATION = "db/undo/";
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
     * Undoes the applied migrations newer than {@code targetVersion} ("0" for all), newest first;
     * returns the versions undone. Refuses before changing anything when one has no undo script, or
     * when the database holds a migration this build does not know (a newer build applied it).
     */
    public static List<String> undo(DataSource dataSource, String targetVersion) throws SQLException {
        MigrationVersion target = MigrationVersion.fromVersion(targetVersion);
        List<MigrationInfo> toUndo = new ArrayList<>();
        for (MigrationInfo info : flyway(dataSource).info().applied()) {
            if (info.getVersion() == null || info.getVersion().compareTo(target) <= 0) {
                continue;
            }
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw new IllegalStateException("version " + info.getVersion() + " was applied by a newer build: undo it with that build");
            }
            toUndo.add(info);
        }
        toUndo.sort(Comparator.comparing(MigrationInfo::getVersion).reversed());
        List<String> scripts = new ArrayList<>();
        for (MigrationInfo info : toUndo) {
            scripts.add(undoScript(info));
        }
        List<String> undone = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < toUndo.size(); i++) {
                String version = toUndo.get(i).getVersion().getVersion();
                try (Statement s = c.createStatement(); PreparedStatement forget = c.prepareStatement(
                        "DELETE FROM flyway_schema_history WHERE version = ?")) {
                    s.execute(scripts.get(i));
                    forget.setString(1, version);
                    forget.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("undoing version " + version + " failed (the database stays at it): " + e.getMessage(), e);
                }
                undone.add(version);
            }
        }
        return undone;
    }

    private static String undoScript(MigrationInfo info) {
        String name = UNDO_LOCATION + "U" + info.getScript().substring(1);
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("version " + info.getVersion() + " has no undo script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
