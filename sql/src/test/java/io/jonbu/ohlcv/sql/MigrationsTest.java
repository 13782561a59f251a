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

    /**
     * A feed writes every symbol's candle of a minute side by side, so one symbol's year sits on tens of
     * thousands of heap pages; the serving layer's history read stays fast only while the primary key
     * carries every column it selects (shared/ANCHORS.md: about 10x). A column added to candles and read
     * by the API must be added to the key's INCLUDE too, or this plan turns into an Index Scan.
     */
    @Test
    void historyReadsAreIndexOnlyScansOfThePrimaryKey() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close, volume, trade_count, vwap, is_final, session)"
                    + " SELECT sym, '1m', t, t + interval '1 minute', 1, 2, 0.5, 1.5, 10, 2, 1.5, true, 'regular'"
                    + " FROM generate_series(timestamptz '2025-01-06 14:30Z', timestamptz '2025-01-06 20:59Z', interval '1 minute') AS t,"
                    + " unnest(array['IDX1', 'IDX2', 'IDX3']) AS sym ORDER BY t, sym");
            s.execute("VACUUM ANALYZE candles");
            // the table is small enough for a sequential scan to win; the question is which index path is taken
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_bitmapscan = off");
            // the columns and predicate of the serving layer's history query (CandleRepository.range)
            String plan;
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, FORMAT TEXT) SELECT symbol, timeframe, start_time, end_time, open,"
                    + " high, low, close, volume, trade_count, vwap, is_final, revision, session FROM candles"
                    + " WHERE symbol = 'IDX2' AND timeframe = '1m' AND start_time >= '2025-01-01' AND start_time < '2026-01-01'"
                    + " ORDER BY start_time LIMIT 10001")) {
                StringBuilder lines = new StringBuilder();
                while (rs.next()) {
                    lines.append(rs.getString(1)).append('\n');
                }
                plan = lines.toString();
            } finally {
                s.execute("DELETE FROM candles WHERE symbol LIKE 'IDX_'");
            }
            assertThat(plan).contains("Index Only Scan using candles_pkey on candles");
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
