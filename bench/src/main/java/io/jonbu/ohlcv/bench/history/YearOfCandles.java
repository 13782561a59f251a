package io.jonbu.ohlcv.bench.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A year (2025) of regular-session 1m candles for several symbols, written the way a live feed writes
 * them: minute by minute, every symbol's candle of a minute next to the others'. One symbol's rows
 * therefore sit on a different heap page every few rows, which is what makes a full-year read costly
 * without a covering index. Weekdays of 2025, 09:30-16:00 New York: 261 x 390 = 101,790 rows a symbol.
 * Prices are in cents, as trade prices are, and the VWAP a full double, as the job's division makes it:
 * how many digits a double prints with decides much of what the API spends writing JSON.
 */
final class YearOfCandles {
    static final int YEAR = 2025;
    static final int ROWS_PER_SYMBOL = 101_790;

    // one statement per trading day; ORDER BY minute, symbol interleaves the symbols in the heap
    private static final String DAY = """
            INSERT INTO %s (symbol, timeframe, start_time, end_time, open, high, low, close, volume, trade_count, vwap,
                            is_final, revision, session)
            SELECT s, '1m', t, t + interval '1 minute', p::float8, (p + 0.05)::float8, (p - 0.05)::float8,
                   (p + 0.01)::float8, 1000 + m, 10 + m %% 7, p::float8 * (1 + sin(m) / 1000), true, 0, 'regular'
            FROM (SELECT s, m, ((?::date + time '09:30') AT TIME ZONE 'America/New_York') + m * interval '1 minute' AS t,
                         round((100 + abs(hashtext(s)) %% 50 + sin(m / 30.0))::numeric, 2) AS p
                  FROM unnest(?::text[]) AS s, generate_series(0, 389) AS m) AS minutes
            ORDER BY m, s""";

    private YearOfCandles() {}

    /** The symbols of a run: {@code target} among {@code others} more, in the order a feed lists them. */
    static List<String> symbols(String target, int others) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            symbols.add(String.format("S%03d", i));
        }
        symbols.add(others / 2, target);
        return symbols;
    }

    /** Writes the year into each table, day by day, each day into all tables before the next. */
    static void load(DataSource db, List<String> symbols, List<String> tables) throws SQLException {
        try (Connection c = db.getConnection()) {
            Array names = c.createArrayOf("text", symbols.toArray());
            for (LocalDate day = LocalDate.of(YEAR, 1, 1); day.getYear() == YEAR; day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (String table : tables) {
                    try (PreparedStatement s = c.prepareStatement(DAY.formatted(table))) {
                        s.setObject(1, day);
                        s.setArray(2, names);
                        s.executeUpdate();
                    }
                }
            }
            // what autovacuum does to a table that has stopped changing; index-only scans need its visibility map
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    s.execute("VACUUM ANALYZE " + table);
                }
            }
        }
    }
}
