package io.jonbu.ohlcv.serving.pattern;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the chart patterns the job found, from {@code chart_patterns}. */
public final class PatternRepository {
    // a filter left null matches everything; the casts tell PostgreSQL the type of a null parameter
    private static final String SINCE = "SELECT symbol, timeframe, pattern, start_time, end_time, level, close, volume,"
            + " volume_sma_20, sma_50, sma_200 FROM chart_patterns"
            + " WHERE end_time >= ? AND (?::text IS NULL OR symbol = ?::text) AND (?::text IS NULL OR timeframe = ?::text)"
            + " ORDER BY end_time, symbol, timeframe, pattern LIMIT ?";

    private final DataSource dataSource;

    public PatternRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The first {@code limit} patterns completed at or after {@code since}, oldest first.
     *
     * @param symbol    null for every symbol
     * @param timeframe null for every timeframe
     */
    public List<ChartPatternEvent> since(long since, String symbol, Timeframe timeframe, int limit) throws SQLException {
        String tf = timeframe == null ? null : timeframe.label();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SINCE)) {
            s.setObject(1, OffsetDateTime.ofInstant(EpochNanos.toInstant(since), ZoneOffset.UTC));
            s.setString(2, symbol);
            s.setString(3, symbol);
            s.setString(4, tf);
            s.setString(5, tf);
            s.setInt(6, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<ChartPatternEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(event(rs));
                }
                return events;
            }
        }
    }

    private static ChartPatternEvent event(ResultSet rs) throws SQLException {
        return new ChartPatternEvent(
                rs.getString("symbol"),
                Timeframe.parse(rs.getString("timeframe")),
                rs.getString("pattern"),
                epochNanos(rs, "start_time"),
                epochNanos(rs, "end_time"),
                orNaN(rs, "level"),
                rs.getDouble("close"),
                rs.getLong("volume"),
                orNaN(rs, "volume_sma_20"),
                orNaN(rs, "sma_50"),
                orNaN(rs, "sma_200"));
    }

    /** SQL NULL is "does not apply", NaN inside the system. */
    private static double orNaN(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static long epochNanos(ResultSet rs, String column) throws SQLException {
        return EpochNanos.of(rs.getObject(column, OffsetDateTime.class).toInstant());
    }
}
