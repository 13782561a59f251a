package io.jonbu.ohlcv.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** {@code jonbu migrate down}: each undo script is the exact inverse of its migration. */
class UndoTest {

    /** Tables, columns, constraints and indexes of the public schema, Flyway's own table aside. */
    private static List<String> schema(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            collect(s, "SELECT table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')"
                    + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'", lines);
            collect(s, "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'flyway_schema_history'", lines);
            collect(s, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'", lines);
        }
        return lines.stream().sorted().toList();
    }

    private static void collect(Statement s, String sql, List<String> into) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    private static String database(EmbeddedDatabase db, String name) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @Test
    void undoingEachVersionGivesTheSchemaThatMigratingUpToTheOneBeforeGave() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            // the schema after each version, going up one at a time
            String upUrl = database(db, "going_up");
            int latest = Migrations.status(db.dataSource()).size();
            List<List<String>> after = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(upUrl, db.user(), null)) {
                after.add(schema(c));
                for (int v = 1; v <= latest; v++) {
                    Flyway.configure().dataSource(upUrl, db.user(), null).locations("classpath:db/migration").target(String.valueOf(v)).load().migrate();
                    after.add(schema(c));
                }
            }
            assertThat(after.get(latest)).isNotEmpty();

            // the fully migrated database, undone one version at a time
            try (Connection c = db.dataSource().getConnection()) {
                for (int v = latest - 1; v >= 0; v--) {
                    assertThat(Migrations.undo(db.dataSource(), String.valueOf(v))).containsExactly(String.valueOf(v + 1));
                    assertThat(schema(c)).as("after undoing version %d", v + 1).isEqualTo(after.get(v));
                }
            }
            assertThat(Migrations.status(db.dataSource())).allSatisfy(m -> assertThat(m.state()).isEqualTo("Pending"));
            // and up again from nothing
            assertThat(Migrations.migrate(db.dataSource())).isEqualTo(latest);
        }
    }

    @Test
    void undoingSeveralVersionsGoesNewestFirstAndKeepsTheOlderTablesRows() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary(); Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO symbols (symbol) VALUES ('AAPL')");
            int latest = Migrations.status(db.dataSource()).size();

            List<String> undone = Migrations.undo(db.dataSource(), "6");

            assertThat(undone).containsExactlyElementsOf(IntStream.iterate(latest, v -> v > 6, v -> v - 1).mapToObj(String::valueOf).toList());
            try (ResultSet rs = s.executeQuery("SELECT symbol FROM symbols")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("AAPL");
            }
            assertThat(Migrations.undo(db.dataSource(), "6")).as("nothing newer left").isEmpty();
            assertThat(Migrations.migrate(db.dataSource())).isEqualTo(latest - 6);
        }
    }

    @Test
    void aVersionAppliedByANewerBuildIsNotUndone() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary(); Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 0, true)");

            assertThatThrownBy(() -> Migrations.undo(db.dataSource(), "0"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 999 was applied by a newer build");
            assertThat(Migrations.status(db.dataSource())).filteredOn(m -> m.version().equals("1")).singleElement()
                    .satisfies(m -> assertThat(m.state()).isEqualTo("Success"));
        }
    }
}
