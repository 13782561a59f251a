package io.jonbu.ohlcv.serving;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.IndicatorValuesJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Seeds the tables with plain JDBC, as the Flink job's sink would write them. */
final class CandleRows {
    private CandleRows() {}

    static void insert(DataSource dataSource, Iterable<Candle> candles) throws SQLException {
        String sql = "INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close,"
                + " volume, trade_count, vwap, is_final, revision, session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Candle candle : candles) {
                s.setString(1, candle.symbol());
                s.setString(2, candle.timeframe().label());
                s.setObject(3, utc(candle.start()));
                s.setObject(4, utc(candle.end()));
                s.setDouble(5, candle.open());
                s.setDouble(6, candle.high());
                s.setDouble(7, candle.low());
                s.setDouble(8, candle.close());
                s.setLong(9, candle.volume());
                s.setLong(10, candle.tradeCount());
                s.setDouble(11, candle.vwap());
                s.setBoolean(12, candle.isFinal());
                s.setInt(13, candle.revision());
                s.setString(14, candle.session().jsonName());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The enriched row of a candle, as the job's sink writes it: {@code indicators} indexed by {@link IndicatorKey}, NaN for none. */
    static void enrich(DataSource dataSource, Candle candle, double[] indicators, String... patterns) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO enriched_candles (symbol, timeframe, start_time, indicators, patterns) VALUES (?, ?, ?, ?::jsonb, ?)")) {
            s.setString(1, candle.symbol());
            s.setString(2, candle.timeframe().label());
            s.setObject(3, utc(candle.start()));
            s.setString(4, IndicatorValuesJson.write(indicators));
            s.setArray(5, c.createArrayOf("text", patterns));
            s.executeUpdate();
        }
    }

    /** A tracked symbol that has no candles yet. */
    static void track(DataSource dataSource, String symbol) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO symbols (symbol) VALUES (?)")) {
            s.setString(1, symbol);
            s.executeUpdate();
        }
    }

    private static OffsetDateTime utc(long epochNanos) {
        return OffsetDateTime.ofInstant(EpochNanos.toInstant(epochNanos), ZoneOffset.UTC);
    }
}
