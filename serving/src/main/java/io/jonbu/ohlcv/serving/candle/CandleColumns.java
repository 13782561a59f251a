package io.jonbu.ohlcv.serving.candle;

import io.jonbu.ohlcv.model.EpochNanos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The columns every candle query selects first, in this order, so a row is read by position: both
 * into a {@code Candle} and straight into a response ({@link HistoryBody}).
 */
final class CandleColumns {
    static final String LIST = "symbol, timeframe, start_time, end_time, open, high, low, close,"
            + " volume, trade_count, vwap, is_final, revision, session";
    static final int SYMBOL = 1;
    static final int TIMEFRAME = 2;
    static final int START = 3;
    static final int END = 4;
    static final int OPEN = 5;
    static final int HIGH = 6;
    static final int LOW = 7;
    static final int CLOSE = 8;
    static final int VOLUME = 9;
    static final int TRADE_COUNT = 10;
    static final int VWAP = 11;
    static final int IS_FINAL = 12;
    static final int REVISION = 13;
    static final int SESSION = 14;

    private CandleColumns() {}

    /** A {@code timestamptz} column as epoch nanoseconds. */
    static long epochNanos(ResultSet rs, int column) throws SQLException {
        return EpochNanos.of(rs.getObject(column, OffsetDateTime.class).toInstant());
    }
}
