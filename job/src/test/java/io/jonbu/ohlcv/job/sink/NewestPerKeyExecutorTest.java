package io.jonbu.ohlcv.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.apache.flink.connector.jdbc.internal.JdbcOutputFormat;
import org.apache.flink.connector.jdbc.internal.JdbcOutputSerializer;
import org.apache.flink.connector.jdbc.internal.executor.JdbcBatchStatementExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The upsert sinks' batches, through the {@code JdbcOutputFormat} that {@link UpsertJdbcSink} drives, each
 * flush a batch boundary: the multi-row statements pgjdbc makes of them, against the project's schema.
 */
class NewestPerKeyExecutorTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");

    private static EmbeddedDatabase db;
    private static PostgresConnection connection;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.startTemporary();
        connection = new PostgresConnection(db.jdbcUrl(), null, null);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE candles, provider_bars, feed_status");
        }
    }

    private static Candle candle(String symbol, double close, int revision) {
        return new Candle(symbol, Timeframe.M1, START, Timeframe.M1.end(START), 10, 12, 9, close, 100, 3, 10.5, true, revision);
    }

    private static <T> JdbcOutputFormat<T, T, JdbcBatchStatementExecutor<T>> output(Class<T> type,
            JdbcOutputFormat.StatementExecutorFactory<JdbcBatchStatementExecutor<T>> executor, int maxRetries) throws IOException {
        // no batch interval and a large batch: a batch ends where the test flushes
        JdbcOutputFormat<T, T, JdbcBatchStatementExecutor<T>> output = new JdbcOutputFormat<>(
                new SimpleJdbcConnectionProvider(connection.options()),
                JdbcExecutionOptions.builder().withBatchSize(1000).withBatchIntervalMs(0).withMaxRetries(maxRetries).build(),
                executor);
        output.open(JdbcOutputSerializer.of(TypeInformation.of(type).createSerializer(new SerializerConfigImpl()), false));
        return output;
    }

    private static JdbcOutputFormat<Candle, Candle, JdbcBatchStatementExecutor<Candle>> candleSink() throws IOException {
        return output(Candle.class, () -> new NewestPerKeyExecutor<>(PostgresSinks.UPSERT_CANDLE, PostgresSinks::bindCandle,
                PostgresSinks::candleKey, PostgresSinks::newerRevision), 3);
    }

    @Test
    void aBatchWithACandleAndTwoRevisionsOfItLandsTheNewestWhateverTheirOrder() throws Exception {
        JdbcOutputFormat<Candle, Candle, JdbcBatchStatementExecutor<Candle>> out = candleSink();
        for (Candle c : List.of(candle("AAPL", 11, 0), candle("AAPL", 11.5, 1), candle("AAPL", 12, 2),
                candle("MSFT", 20, 0), candle("MSFT", 22, 2), candle("MSFT", 23, 2), candle("MSFT", 21, 1))) {
            out.writeRecord(c);
        }
        out.flush();
        out.close();

        // MSFT: an older revision arriving last does not win; of two equal revisions the later does, as in the table
        assertThat(rows("SELECT symbol || ' ' || close || ' ' || revision FROM candles ORDER BY symbol"))
                .containsExactly("AAPL 12 2", "MSFT 23 2");
    }

    @Test
    void acrossBatchesTheTableKeepsTheNewestRevisionAndAReplayOfAnOlderOneDoesNotUndoIt() throws Exception {
        JdbcOutputFormat<Candle, Candle, JdbcBatchStatementExecutor<Candle>> out = candleSink();
        out.writeRecord(candle("AAPL", 11, 0));
        out.writeRecord(candle("AAPL", 12, 2));
        out.flush();
        assertThat(rows("SELECT close || ' ' || revision FROM candles")).containsExactly("12 2");

        // an at-least-once replay of the first batch, then a newer revision in a batch of its own
        out.writeRecord(candle("AAPL", 11, 0));
        out.writeRecord(candle("AAPL", 11.5, 1));
        out.flush();
        assertThat(rows("SELECT close || ' ' || revision FROM candles")).containsExactly("12 2");
        out.writeRecord(candle("AAPL", 13, 3));
        out.flush();
        out.close();
        assertThat(rows("SELECT close || ' ' || revision FROM candles")).containsExactly("13 3");
    }

    @Test
    void aBatchThatFailsIsWrittenWholeOnTheRetryOverAFreshConnection() throws Exception {
        JdbcOutputFormat<Candle, Candle, JdbcBatchStatementExecutor<Candle>> out = candleSink();
        out.writeRecord(candle("AAPL", 11, 0));
        out.writeRecord(candle("MSFT", 20, 0));
        out.writeRecord(candle("AAPL", 11.5, 1));
        int backend = out.getConnection().unwrap(PGConnection.class).getBackendPID();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, backend);
            s.execute();
        }
        out.flush();
        assertThat(out.getConnection().unwrap(PGConnection.class).getBackendPID()).as("reconnected").isNotEqualTo(backend);
        out.writeRecord(candle("AAPL", 12, 2));
        out.flush();
        out.close();

        assertThat(rows("SELECT symbol || ' ' || close || ' ' || revision FROM candles ORDER BY symbol"))
                .containsExactly("AAPL 12 2", "MSFT 20 0");
    }

    /** Why the batch is folded by key: the connection's batches go as multi-row statements. */
    @Test
    void withoutFoldingAMultiRowUpsertRefusesACandleAndItsRevisionInOneBatch() throws Exception {
        JdbcOutputFormat<Candle, Candle, JdbcBatchStatementExecutor<Candle>> out =
                output(Candle.class, () -> JdbcBatchStatementExecutor.simple(PostgresSinks.UPSERT_CANDLE, PostgresSinks::bindCandle), 0);
        out.writeRecord(candle("AAPL", 11, 0));
        out.writeRecord(candle("AAPL", 11.5, 1));

        assertThatThrownBy(out::flush).hasStackTraceContaining("cannot affect row a second time");
        out.getConnection().close();
    }

    @Test
    void aMinuteBarReplayedAfterItsUpdateInOneBatchKeepsTheReplayedValuesAndStaysUpdated() throws Exception {
        long minute = EpochNanos.parse("2024-03-08T14:31:00Z");
        ProviderBar bar = new ProviderBar(ProviderBar.Kind.BAR, "NVDA", minute, 875, 876, 874.5, 875.5, 300, 3, 875.2);
        ProviderBar updated = new ProviderBar(ProviderBar.Kind.UPDATED_BAR, "NVDA", minute, 875, 877, 874.5, 875.5, 400, 4, 875.6);
        JdbcOutputFormat<ProviderBar, ProviderBar, JdbcBatchStatementExecutor<ProviderBar>> out = output(ProviderBar.class,
                () -> new NewestPerKeyExecutor<>(PostgresSinks.UPSERT_PROVIDER_BAR, PostgresSinks::bindProviderBar,
                        PostgresSinks::providerBarKey, PostgresSinks::laterBar), 0);
        out.writeRecord(bar);
        out.writeRecord(updated);
        out.writeRecord(bar);
        out.flush();
        out.close();

        assertThat(rows("SELECT concat_ws(' ', kind, high, volume, updated) FROM provider_bars"))
                .containsExactly("minute 876 300 t");
    }

    @Test
    void aSplitsReportsInOneBatchLandTheNewestEvenWhenAnOlderOneComesLast() throws Exception {
        long at = EpochNanos.parse("2024-03-08T14:31:00Z");
        JdbcOutputFormat<FeedStatus, FeedStatus, JdbcBatchStatementExecutor<FeedStatus>> out = output(FeedStatus.class,
                () -> new NewestPerKeyExecutor<>(PostgresSinks.UPSERT_FEED_STATUS, PostgresSinks::bindFeedStatus, FeedStatus::split,
                        PostgresSinks::newerReport), 0);
        // four rows: pgjdbc sends a batch in power-of-two chunks, so an unfolded duplicate would share a statement
        out.writeRecord(new FeedStatus("split-0", true, "closed", 7, at, at));
        out.writeRecord(new FeedStatus("split-0", false, "open", 7, at, at + 10_000_000_000L));
        out.writeRecord(new FeedStatus("split-1", true, "closed", 3, at, at));
        out.writeRecord(new FeedStatus("split-0", true, "closed", 7, at, at + 5_000_000_000L));
        out.flush();
        out.close();

        assertThat(rows("SELECT concat_ws(' ', split, connected, rest_circuit) FROM feed_status ORDER BY split"))
                .containsExactly("split-0 f open", "split-1 t closed");
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
