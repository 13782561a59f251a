package io.jonbu.ohlcv.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
            String insert = "INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close, volume, trade_count, vwap, is_final, revision)"
                    + " VALUES ('AAPL', '1m', '2024-03-08T14:30:00Z', '2024-03-08T14:31:00Z', 1, 2, 0.5, %s, 10, 2, 1.5, true, %d)"
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
            assertThatThrownBy(() -> s.execute("INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close, volume, trade_count, vwap, is_final)"
                    + " VALUES ('AAPL', '2m', now(), now(), 1, 1, 1, 1, 1, 1, 1, true)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("candles_timeframe_check");
        }
    }
}
