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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.startTemporary();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void migratingAgainAppliesNothing() {
        assertThat(Migrations.migrate(db.dataSource())).isZero();
    }

    @Test
    void upsertOnThePrimaryKeyReplacesTheCandle() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            String insert = "INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close, volume, trade_count, vwap, is_final, revision, session)"
                    + " VALUES ('AAPL', '1m', '2024-03-08T14:30:00Z', '2024-03-08T14:31:00Z', 1, 2, 0.5, %s, 10, 2, 1.5, true, %d, 'regular')"
                    + " ON CONFLICT (symbol, timeframe, start_time) DO UPDATE SET close = EXCLUDED.close, revision = EXCLUDED.revision";
            s.execute(insert.formatted("1.5", 0));
            s.execute(insert.formatted("1.75", 1));
            try (ResultSet rs = s.executeQuery("SELECT count(*), max(close), max(revision) FROM candles")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getDouble(2)).isEqualTo(1.75);
                assertThat(rs.getInt(3)).isEqualTo(1);
            }
        }
    }

    @Test
    void unknownTimeframeIsRejectedByTheSchema() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close, volume, trade_count, vwap, is_final, session)"
                    + " VALUES ('AAPL', '2m', now(), now(), 1, 1, 1, 1, 1, 1, 1, true, 'regular')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("candles_timeframe_check");
        }
    }

    @Test
    void candlesStoredBeforeTheSessionColumnGetTheSessionOfTheirStart() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE before_sessions");
        }
        String url = db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/before_sessions$1");
        Flyway.configure().dataSource(url, db.user(), null).locations("classpath:db/migration").target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url, db.user(), null); Statement s = c.createStatement()) {
            String insert = "INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close, volume, trade_count, vwap, is_final)"
                    + " VALUES ('AAPL', '%s', '%s', '%s', 1, 1, 1, 1, 1, 1, 1, true)";
            // New York times: Friday 09:29 (pre-market), 09:30 (regular), 16:00 (after hours), 20:00 (closed), Saturday 12:00
            for (String start : new String[] {"2024-03-08T14:29:00Z", "2024-03-08T14:30:00Z", "2024-03-08T21:00:00Z",
                    "2024-03-09T01:00:00Z", "2024-03-09T17:00:00Z", "2024-07-08T13:30:00Z"}) {
                s.execute(insert.formatted("1m", start, start));
            }
            s.execute(insert.formatted("1d", "2024-03-08T05:00:00Z", "2024-03-09T05:00:00Z"));

            assertThat(Migrations.migrate(url, db.user(), null)).isPositive();

            List<String> sessions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT timeframe, session FROM candles ORDER BY timeframe DESC, start_time")) {
                while (rs.next()) {
                    sessions.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(sessions).containsExactly("1m pre_market", "1m regular", "1m after_hours", "1m closed", "1m closed",
                    "1m regular", "1d full_day");
        }
    }
}
