package io.jonbu.ohlcv.serving.candle;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads candles from the {@code candles} table. Every query filters on a prefix of the primary key
 * and selects only its columns, so PostgreSQL answers with index-only scans. Times cross the JDBC
 * boundary as UTC {@link OffsetDateTime}s; PostgreSQL keeps microseconds, so nanosecond digits below
 * that are rounded by the database.
 */
public final class CandleRepository {
    private static final String COLUMNS = "symbol, timeframe, start_time, end_time, open, high, low, close,"
            + " volume, trade_count, vwap, is_final, revision";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM candles"
            + " WHERE symbol = ? AND timeframe = ? ORDER BY start_time DESC LIMIT 1";
    private static final String RANGE = "SELECT " + COLUMNS + " FROM candles"
            + " WHERE symbol = ? AND timeframe = ? AND start_time >= ? AND start_time < ?"
            + " ORDER BY start_time LIMIT ?";
    // the newest rows come from walking the index backwards; the outer query restores the ascending
    // order every history response promises
    private static final String LATEST_BEFORE = "SELECT * FROM (SELECT " + COLUMNS + " FROM candles"
            + " WHERE symbol = ? AND timeframe = ? AND start_time < ?"
            + " ORDER BY start_time DESC LIMIT ?) AS newest ORDER BY start_time";
    private static final String KNOWN = "SELECT EXISTS (SELECT 1 FROM symbols WHERE symbol = ?)"
            + " OR EXISTS (SELECT 1 FROM candles WHERE symbol = ?)";

    private final DataSource dataSource;

    public CandleRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The candle with the greatest start, final or still forming. */
    public Optional<Candle> latest(String symbol, Timeframe timeframe) throws SQLException {
        return query(LATEST, symbol, timeframe.label()).stream().findFirst();
    }

    /** The first {@code limit} candles starting in {@code [start, end)}, ascending. */
    public List<Candle> range(String symbol, Timeframe timeframe, long start, long end, int limit) throws SQLException {
        return query(RANGE, symbol, timeframe.label(), utc(start), utc(end), limit);
    }

    /** The last {@code limit} candles starting before {@code end}, ascending. */
    public List<Candle> latestBefore(String symbol, Timeframe timeframe, long end, int limit) throws SQLException {
        return query(LATEST_BEFORE, symbol, timeframe.label(), utc(end), limit);
    }

    /** Whether the symbol is tracked or has candles of any timeframe. */
    public boolean isKnown(String symbol) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(KNOWN)) {
            s.setString(1, symbol);
            s.setString(2, symbol);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<Candle> query(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Candle> candles = new ArrayList<>();
                while (rs.next()) {
                    candles.add(candle(rs));
                }
                return candles;
            }
        }
    }

    private static Candle candle(ResultSet rs) throws SQLException {
        return new Candle(
                rs.getString("symbol"),
                Timeframe.parse(rs.getString("timeframe")),
                epochNanos(rs, "start_time"),
                epochNanos(rs, "end_time"),
                rs.getDouble("open"),
                rs.getDouble("high"),
                rs.getDouble("low"),
                rs.getDouble("close"),
                rs.getLong("volume"),
                rs.getLong("trade_count"),
                rs.getDouble("vwap"),
                rs.getBoolean("is_final"),
                rs.getInt("revision"));
    }

    private static OffsetDateTime utc(long epochNanos) {
        return OffsetDateTime.ofInstant(EpochNanos.toInstant(epochNanos), ZoneOffset.UTC);
    }

    private static long epochNanos(ResultSet rs, String column) throws SQLException {
        return EpochNanos.of(rs.getObject(column, OffsetDateTime.class).toInstant());
    }
}
