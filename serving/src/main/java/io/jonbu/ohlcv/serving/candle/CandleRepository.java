package io.jonbu.ohlcv.serving.candle;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorValuesJson;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * Reads candle series: plain candles from {@code candles}, or enriched ones from
 * {@code enriched_candles} joined to their candle. Every query filters on a prefix of the primary key,
 * and the plain one selects only its columns, so PostgreSQL answers with index-only scans. Times cross
 * the JDBC boundary as UTC {@link OffsetDateTime}s; PostgreSQL keeps microseconds, so nanosecond digits
 * below that are rounded by the database.
 *
 * @param <T> what one row becomes
 */
public final class CandleRepository<T> {
    private static final String CANDLE_COLUMNS = CandleColumns.LIST;
    /**
     * Reads longer than this go through a cursor, this many rows a fetch, so that a long range costs
     * the server a fetch's rows at a time rather than all of them; shorter ones, every page of the
     * paged endpoints, are answered in one round trip.
     */
    private static final int FETCH_ROWS = 10_000;
    private static final String KNOWN = "SELECT EXISTS (SELECT 1 FROM symbols WHERE symbol = ?)"
            + " OR EXISTS (SELECT 1 FROM candles WHERE symbol = ?)";

    /** Turns the current row into a value. */
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Takes the rows of a read one at a time, as they arrive; a row is valid only during the call.
     *
     * @param <E> what else taking a row may throw, such as the response's {@code IOException}
     */
    public interface RowVisitor<E extends Exception> {
        void visit(ResultSet row) throws SQLException, E;
    }

    private final DataSource dataSource;
    private final RowMapper<T> rows;
    private final ToLongFunction<T> startOf;
    private final String latest;
    private final String range;
    private final String latestBefore;
    private final String count;

    private CandleRepository(DataSource dataSource, String select, RowMapper<T> rows, ToLongFunction<T> startOf) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.startOf = startOf;
        this.latest = select + " WHERE symbol = ? AND timeframe = ? ORDER BY start_time DESC LIMIT 1";
        this.range = select + " WHERE symbol = ? AND timeframe = ? AND start_time >= ? AND start_time < ?"
                + " ORDER BY start_time LIMIT ?";
        this.count = "SELECT count(*) FROM (" + select + " WHERE symbol = ? AND timeframe = ? AND start_time >= ?"
                + " AND start_time < ?) AS rows";
        // the newest rows come from walking the index backwards; the outer query restores the ascending
        // order every history response promises
        this.latestBefore = "SELECT * FROM (" + select + " WHERE symbol = ? AND timeframe = ? AND start_time < ?"
                + " ORDER BY start_time DESC LIMIT ?) AS newest ORDER BY start_time";
    }

    /** Plain candles. */
    public static CandleRepository<Candle> candles(DataSource dataSource) {
        return new CandleRepository<>(dataSource, "SELECT " + CANDLE_COLUMNS + " FROM candles", CandleRepository::candle,
                Candle::start);
    }

    /** Candles with all the stream computed about them; a candle not yet enriched is not listed. */
    public static CandleRepository<EnrichedCandle> enriched(DataSource dataSource) {
        return new CandleRepository<>(dataSource,
                "SELECT " + CANDLE_COLUMNS + ", indicators::text AS indicators, patterns, context::text AS context,"
                        + " features, description FROM enriched_candles JOIN candles USING (symbol, timeframe, start_time)",
                CandleRepository::enrichedCandle, e -> e.ohlcv().start());
    }

    /** Rows enriched before context and features existed (schema V5) read as "nothing known yet". */
    private static EnrichedCandle enrichedCandle(ResultSet rs) throws SQLException {
        String context = rs.getString("context");
        String description = rs.getString("description");
        return new EnrichedCandle(candle(rs), IndicatorValuesJson.read(rs.getString("indicators")),
                (String[]) rs.getArray("patterns").getArray(),
                context == null ? MarketContext.UNKNOWN : json(context, MarketContext.class),
                features(rs.getArray("features")),
                description == null ? "" : description);
    }

    /** {@code real[]} with NULL for a feature not yet known, to doubles with NaN. */
    private static double[] features(Array column) throws SQLException {
        double[] features = new double[FeatureSchema.COUNT];
        Arrays.fill(features, Double.NaN);
        if (column != null) {
            Object[] values = (Object[]) column.getArray();
            for (int i = 0; i < Math.min(values.length, features.length); i++) {
                if (values[i] != null) {
                    features[i] = ((Number) values[i]).doubleValue();
                }
            }
        }
        return features;
    }

    private static <V> V json(String text, Class<V> type) throws SQLException {
        try {
            return ApiJson.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable " + type.getSimpleName() + " in the database: " + text, e);
        }
    }

    /** Epoch nanoseconds of a row's candle start: the key pages continue from. */
    public long startOf(T row) {
        return startOf.applyAsLong(row);
    }

    /** The row with the greatest start. */
    public Optional<T> latest(String symbol, Timeframe timeframe) throws SQLException {
        return query(latest, symbol, timeframe.label()).stream().findFirst();
    }

    /** The first {@code limit} rows starting in {@code [start, end)}, ascending. */
    public List<T> range(String symbol, Timeframe timeframe, long start, long end, int limit) throws SQLException {
        return query(range, symbol, timeframe.label(), utc(start), utc(end), limit);
    }

    /**
     * As {@link #range(String, Timeframe, long, long, int)}, each row handed to {@code visitor} as it is read
     * instead of collected: for reads too long to hold.
     */
    public <E extends Exception> void range(String symbol, Timeframe timeframe, long start, long end, int limit,
            RowVisitor<E> visitor) throws SQLException, E {
        read(range, limit, visitor, symbol, timeframe.label(), utc(start), utc(end), limit);
    }

    /** As {@link #latestBefore(String, Timeframe, long, int)}, each row handed to {@code visitor} as it is read. */
    public <E extends Exception> void latestBefore(String symbol, Timeframe timeframe, long end, int limit,
            RowVisitor<E> visitor) throws SQLException, E {
        read(latestBefore, limit, visitor, symbol, timeframe.label(), utc(end), limit);
    }

    /** How many rows start in {@code [start, end)}: what a long read will go through. */
    public long count(String symbol, Timeframe timeframe, long start, long end) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(count)) {
            s.setString(1, symbol);
            s.setString(2, timeframe.label());
            s.setObject(3, utc(start));
            s.setObject(4, utc(end));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The last {@code limit} rows starting before {@code end}, ascending. */
    public List<T> latestBefore(String symbol, Timeframe timeframe, long end, int limit) throws SQLException {
        return query(latestBefore, symbol, timeframe.label(), utc(end), limit);
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

    private List<T> query(String sql, Object... parameters) throws SQLException {
        List<T> result = new ArrayList<>();
        read(sql, 0, rs -> result.add(rows.map(rs)), parameters);
        return result;
    }

    /** @param expected at most how many rows the query returns: past {@link #FETCH_ROWS}, they come through a cursor */
    private <E extends Exception> void read(String sql, int expected, RowVisitor<E> visitor, Object... parameters)
            throws SQLException, E {
        try (Connection c = dataSource.getConnection()) {
            boolean cursor = expected > FETCH_ROWS;
            if (cursor) {
                // PostgreSQL's driver only fetches part of a result inside a transaction
                c.setAutoCommit(false);
            }
            Throwable failure = null;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (cursor) {
                    s.setFetchSize(FETCH_ROWS);
                }
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        visitor.visit(rs);
                    }
                }
            } catch (Throwable t) {
                failure = t;
                throw t;
            } finally {
                if (cursor) {
                    // it only read: nothing to keep, and a pooled connection goes back as it came
                    try {
                        c.rollback();
                        c.setAutoCommit(true);
                    } catch (SQLException e) {
                        // a broken connection fails here too: the failure that broke it is the one to report
                        if (failure == null) {
                            throw e;
                        }
                        failure.addSuppressed(e);
                    }
                }
            }
        }
    }

    private static Candle candle(ResultSet rs) throws SQLException {
        return new Candle(
                rs.getString(CandleColumns.SYMBOL),
                Timeframe.parse(rs.getString(CandleColumns.TIMEFRAME)),
                CandleColumns.epochNanos(rs, CandleColumns.START),
                CandleColumns.epochNanos(rs, CandleColumns.END),
                rs.getDouble(CandleColumns.OPEN),
                rs.getDouble(CandleColumns.HIGH),
                rs.getDouble(CandleColumns.LOW),
                rs.getDouble(CandleColumns.CLOSE),
                rs.getLong(CandleColumns.VOLUME),
                rs.getLong(CandleColumns.TRADE_COUNT),
                rs.getDouble(CandleColumns.VWAP),
                rs.getBoolean(CandleColumns.IS_FINAL),
                rs.getInt(CandleColumns.REVISION),
                MarketSession.byJsonName(rs.getString(CandleColumns.SESSION)));
    }

    private static OffsetDateTime utc(long epochNanos) {
        return OffsetDateTime.ofInstant(EpochNanos.toInstant(epochNanos), ZoneOffset.UTC);
    }
}
