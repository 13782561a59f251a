package io.jonbu.ohlcv.serving.candle;

import io.jonbu.ohlcv.model.EpochNanos;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.postgresql.PGResultSetMetaData;

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
    private static final int BINARY = 1;

    /** PostgreSQL's binary {@code timestamptz}: microseconds since 2000-01-01 UTC, big-endian. */
    private static final VarHandle MICROS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private CandleColumns() {}

    /**
     * A {@code timestamptz} column as epoch nanoseconds. A column the driver received in binary (a
     * statement prepared on the server, see {@code DatabasePool}) is read from its eight bytes: the
     * driver's own conversion builds a calendar per result and two objects per value.
     */
    static long epochNanos(ResultSet rs, int column) throws SQLException {
        if (isBinary(rs, column)) {
            long micros = (long) MICROS.get(rs.getBytes(column), 0);
            return Math.multiplyExact(Math.addExact(micros, POSTGRES_EPOCH_MICROS), 1_000L);
        }
        return EpochNanos.of(rs.getObject(column, OffsetDateTime.class).toInstant());
    }

    private static boolean isBinary(ResultSet rs, int column) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        return meta.isWrapperFor(PGResultSetMetaData.class)
                && meta.unwrap(PGResultSetMetaData.class).getFormat(column) == BINARY;
    }
}
