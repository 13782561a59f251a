package io.jonbu.ohlcv.job.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jonbu.ohlcv.job.CandleSinks;
import io.jonbu.ohlcv.job.candle.CorrectionOutcome;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.TradingStatus;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorValuesJson;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The job's outputs into PostgreSQL (schema in the sql module) through Flink's JDBC sink, batched.
 * Candles and enriched candles are upserted on (symbol, timeframe, start), so a revision replaces the row, and a replay
 * after a failure (at-least-once) rewrites the same values; an older revision never overwrites a
 * newer one. Chart patterns are inserted once per (symbol, timeframe, pattern, end): a replay finds
 * the same match and inserts nothing. Corrections and cancels are inserted once per message, with
 * whether they were applied. The provider's bars are upserted per (symbol, kind, start), an updated
 * minute bar replacing the minute's bar; trading statuses are inserted once per message. Quotes are not
 * kept here: they are too many for a table, and {@link KafkaSinks} publishes them.
 *
 * <p>A batch goes to the server as a few multi-row statements, not one per record. The upserts' batches
 * hold one row per key: the one the upsert would leave had the rows come one by one ({@link NewestPerKeyExecutor}).
 */
public final class PostgresSinks implements CandleSinks {
    public static final String UPSERT_CANDLE = """
            INSERT INTO candles (symbol, timeframe, start_time, end_time, open, high, low, close,
                                 volume, trade_count, vwap, is_final, revision, session, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (symbol, timeframe, start_time) DO UPDATE SET
                end_time = EXCLUDED.end_time, open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
                close = EXCLUDED.close, volume = EXCLUDED.volume, trade_count = EXCLUDED.trade_count,
                vwap = EXCLUDED.vwap, is_final = EXCLUDED.is_final, revision = EXCLUDED.revision,
                session = EXCLUDED.session, updated_at = now()
            WHERE candles.revision <= EXCLUDED.revision""";
    public static final String UPSERT_ENRICHED = """
            INSERT INTO enriched_candles (symbol, timeframe, start_time, indicators, patterns, context, features,
                                          feature_schema_version, description, metadata, embedding, updated_at)
            VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, now())
            ON CONFLICT (symbol, timeframe, start_time) DO UPDATE SET
                indicators = EXCLUDED.indicators, patterns = EXCLUDED.patterns, context = EXCLUDED.context,
                features = EXCLUDED.features, feature_schema_version = EXCLUDED.feature_schema_version,
                description = EXCLUDED.description, metadata = EXCLUDED.metadata, embedding = EXCLUDED.embedding,
                updated_at = now()""";
    static final String INSERT_CHART_PATTERN = """
            INSERT INTO chart_patterns (symbol, timeframe, pattern, start_time, end_time, level, close, volume,
                                        volume_sma_20, sma_50, sma_200)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (symbol, timeframe, pattern, end_time) DO NOTHING""";
    static final String INSERT_DEAD_LETTER =
            "INSERT INTO dead_letters (source, reason, raw, received_at) VALUES (?, ?, ?, ?)";
    static final String INSERT_LATE_TRADE = """
            INSERT INTO late_trades (symbol, timestamp_ns, trade_id, trade_time, exchange, price, size, conditions, tape)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    static final String INSERT_CORRECTION = """
            INSERT INTO tape_corrections (symbol, trade_time, timestamp_ns, kind, exchange, tape, original_id, original_price,
                                          original_size, original_conditions, corrected_id, corrected_price, corrected_size,
                                          corrected_conditions, applied, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    static final String UPSERT_PROVIDER_BAR = """
            INSERT INTO provider_bars (symbol, kind, start_time, open, high, low, close, volume, trade_count, vwap,
                                       updated, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (symbol, kind, start_time) DO UPDATE SET
                open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                volume = EXCLUDED.volume, trade_count = EXCLUDED.trade_count, vwap = EXCLUDED.vwap,
                updated = provider_bars.updated OR EXCLUDED.updated, received_at = now()""";
    static final String INSERT_TRADING_STATUS = """
            INSERT INTO trading_statuses (symbol, status_time, timestamp_ns, status_code, status_message, reason_code,
                                          reason_message, tape)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    // the newest report wins: one at-least-once replay of an older report must not undo a newer one
    static final String UPSERT_FEED_STATUS = """
            INSERT INTO feed_status (split, connected, rest_circuit, symbols, last_message_at, reported_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (split) DO UPDATE SET connected = EXCLUDED.connected, rest_circuit = EXCLUDED.rest_circuit,
                symbols = EXCLUDED.symbols, last_message_at = EXCLUDED.last_message_at, reported_at = EXCLUDED.reported_at
            WHERE feed_status.reported_at <= EXCLUDED.reported_at""";

    private final PostgresConnection connection;
    private final JdbcExecutionOptions batching;

    public PostgresSinks(PostgresConnection connection) {
        this(connection, JdbcExecutionOptions.builder().withBatchSize(1000).withBatchIntervalMs(200).withMaxRetries(3).build());
    }

    public PostgresSinks(PostgresConnection connection, JdbcExecutionOptions batching) {
        this.connection = connection;
        this.batching = batching;
    }

    @Override
    public void candles(DataStream<Candle> candles) {
        // the store keeps final candles and their revisions; partial updates are for the live stream only
        candles.filter(Candle::isFinal).uid("final-candles-postgres").name("final candles")
                .sinkTo(upsertSink(UPSERT_CANDLE, PostgresSinks::bindCandle, PostgresSinks::candleKey, PostgresSinks::newerRevision))
                .uid("candles-postgres").name("candles to PostgreSQL");
    }

    @Override
    public void enrichedCandles(DataStream<EnrichedCandle> enriched) {
        enriched.sinkTo(upsertSink(UPSERT_ENRICHED, PostgresSinks::bindEnriched, e -> candleKey(e.ohlcv()), (earlier, later) -> later))
                .uid("enriched-candles-postgres").name("enriched candles to PostgreSQL");
    }

    @Override
    public void chartPatterns(DataStream<ChartPatternEvent> patterns) {
        patterns.sinkTo(sink(INSERT_CHART_PATTERN, PostgresSinks::bindChartPattern)).uid("chart-patterns-postgres").name("chart patterns to PostgreSQL");
    }

    @Override
    public void lateTrades(DataStream<Trade> lateTrades) {
        lateTrades.sinkTo(sink(INSERT_LATE_TRADE, PostgresSinks::bindLateTrade)).uid("late-trades-postgres").name("late trades to PostgreSQL");
    }

    @Override
    public void corrections(DataStream<CorrectionOutcome> corrections) {
        corrections.sinkTo(sink(INSERT_CORRECTION, PostgresSinks::bindCorrection)).uid("corrections-postgres").name("corrections to PostgreSQL");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(sink(INSERT_DEAD_LETTER, PostgresSinks::bindDeadLetter)).uid("dead-letters-postgres").name("dead letters to PostgreSQL");
    }

    /** Quotes are not kept in PostgreSQL: a busy symbol quotes many times a second; see {@link KafkaSinks#quotes}. */
    @Override
    public void quotes(DataStream<Quote> quotes) {
        // deliberately not stored
    }

    /** Keyed by symbol, so a minute's bar and its updates reach the table in the order they were sent. */
    @Override
    public void providerBars(DataStream<ProviderBar> bars) {
        bars.keyBy(ProviderBar::symbol)
                .sinkTo(upsertSink(UPSERT_PROVIDER_BAR, PostgresSinks::bindProviderBar, PostgresSinks::providerBarKey, PostgresSinks::laterBar))
                .uid("provider-bars-postgres").name("provider bars to PostgreSQL");
    }

    @Override
    public void tradingStatuses(DataStream<TradingStatus> statuses) {
        statuses.sinkTo(sink(INSERT_TRADING_STATUS, PostgresSinks::bindTradingStatus))
                .uid("trading-statuses-postgres").name("trading statuses to PostgreSQL");
    }

    /** Keyed by split first, so a split's reports reach the upsert in order. */
    @Override
    public void feedStatus(DataStream<FeedStatus> reports) {
        reports.keyBy(FeedStatus::split)
                .sinkTo(upsertSink(UPSERT_FEED_STATUS, PostgresSinks::bindFeedStatus, FeedStatus::split, PostgresSinks::newerReport))
                .uid("feed-status-postgres").name("feed status to PostgreSQL");
    }

    /**
     * Inserts; pgjdbc folds a batch into multi-row statements ({@link PostgresConnection#options}), where
     * {@code ON CONFLICT DO NOTHING} skips a key repeated in one statement as it would in the next.
     */
    private <T> JdbcSink<T> sink(String sql, JdbcStatementBuilder<T> binder) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(batching)
                .buildAtLeastOnce(connection.options());
    }

    /**
     * Upserts, {@code DO UPDATE}, whose multi-row statements must not touch a row twice: a batch keeps one row
     * per {@code key}, the one {@code upsert} says the statement would have left had the rows come one by one.
     */
    private <T, K> UpsertJdbcSink<T> upsertSink(String sql, JdbcStatementBuilder<T> binder, SerializableFunction<T, K> key,
            NewestPerKeyExecutor.Upsert<T> upsert) {
        return new UpsertJdbcSink<>(connection.options(), batching, () -> new NewestPerKeyExecutor<>(sql, binder, key, upsert));
    }

    /** The primary key of candles and enriched_candles. */
    static List<Object> candleKey(Candle c) {
        return List.of(c.symbol(), c.timeframe(), c.start());
    }

    /** {@link #UPSERT_CANDLE}'s rule: an older revision does not replace a newer one; the later of equals does. */
    static Candle newerRevision(Candle earlier, Candle later) {
        return later.revision() >= earlier.revision() ? later : earlier;
    }

    /** The primary key of provider_bars: a minute's bar and its updates share a row; the daily bar has its own. */
    static List<Object> providerBarKey(ProviderBar b) {
        return List.of(b.symbol(), b.kind() == ProviderBar.Kind.DAILY_BAR, b.start());
    }

    /** {@link #UPSERT_PROVIDER_BAR}'s rule: the later bar's values, updated once either was an updated bar. */
    static ProviderBar laterBar(ProviderBar earlier, ProviderBar later) {
        return earlier.kind() == ProviderBar.Kind.UPDATED_BAR ? later.as(ProviderBar.Kind.UPDATED_BAR) : later;
    }

    /** {@link #UPSERT_FEED_STATUS}'s rule: an older report does not replace a newer one; the later of equals does. */
    static FeedStatus newerReport(FeedStatus earlier, FeedStatus later) {
        return later.reportedNanos() >= earlier.reportedNanos() ? later : earlier;
    }

    public static void bindCandle(PreparedStatement ps, Candle c) throws SQLException {
        ps.setString(1, c.symbol());
        ps.setString(2, c.timeframe().label());
        ps.setObject(3, utc(c.start()));
        ps.setObject(4, utc(c.end()));
        ps.setDouble(5, c.open());
        ps.setDouble(6, c.high());
        ps.setDouble(7, c.low());
        ps.setDouble(8, c.close());
        ps.setLong(9, c.volume());
        ps.setLong(10, c.tradeCount());
        ps.setDouble(11, c.vwap());
        ps.setBoolean(12, c.isFinal());
        ps.setInt(13, c.revision());
        ps.setString(14, c.session().jsonName());
    }

    public static void bindEnriched(PreparedStatement ps, EnrichedCandle e) throws SQLException {
        Candle c = e.ohlcv();
        ps.setString(1, c.symbol());
        ps.setString(2, c.timeframe().label());
        ps.setObject(3, utc(c.start()));
        ps.setString(4, IndicatorValuesJson.write(e.indicators()));
        ps.setArray(5, ps.getConnection().createArrayOf("text", e.patterns()));
        ps.setString(6, json(e.context()));
        ps.setArray(7, ps.getConnection().createArrayOf("real", reals(e.features(), null)));
        ps.setInt(8, FeatureSchema.VERSION);
        ps.setString(9, e.description());
        ps.setString(10, json(e.metadata()));
        // the embedding is EnrichedCandle.embeddingVector(), boxed once here rather than twice
        ps.setArray(11, ps.getConnection().createArrayOf("real", reals(e.features(), FeatureSchema.NEUTRAL)));
    }

    /**
     * JDBC arrays take objects. A feature not warmed up is {@code missing}: SQL NULL in the
     * features, as it is JSON null, and the neutral value in the embedding.
     */
    private static Float[] reals(double[] values, Float missing) {
        Float[] out = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            // not a ternary: with a float branch it would unbox a null missing
            if (Double.isNaN(values[i])) {
                out[i] = missing;
            } else {
                out[i] = (float) values[i];
            }
        }
        return out;
    }

    private static String json(Object value) throws SQLException {
        try {
            return ApiJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new SQLException("cannot write " + value + " as JSON", ex);
        }
    }

    static void bindChartPattern(PreparedStatement ps, ChartPatternEvent p) throws SQLException {
        ps.setString(1, p.symbol());
        ps.setString(2, p.timeframe().label());
        ps.setString(3, p.pattern());
        ps.setObject(4, utc(p.start()));
        ps.setObject(5, utc(p.end()));
        setNullableDouble(ps, 6, p.level());
        ps.setDouble(7, p.close());
        ps.setLong(8, p.volume());
        setNullableDouble(ps, 9, p.volumeSma20());
        setNullableDouble(ps, 10, p.sma50());
        setNullableDouble(ps, 11, p.sma200());
    }

    /** NaN, a value that does not apply or has not warmed up, as SQL NULL. */
    private static void setNullableDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static void bindLateTrade(PreparedStatement ps, Trade t) throws SQLException {
        ps.setString(1, t.symbol());
        ps.setLong(2, t.timestamp());
        ps.setLong(3, t.id());
        ps.setObject(4, utc(t.timestamp()));
        ps.setString(5, t.exchange());
        ps.setDouble(6, t.price());
        ps.setLong(7, t.size());
        ps.setArray(8, ps.getConnection().createArrayOf("text", t.conditions()));
        ps.setString(9, t.tape());
    }

    static void bindCorrection(PreparedStatement ps, CorrectionOutcome o) throws SQLException {
        ps.setString(1, o.symbol());
        ps.setObject(2, utc(o.tradeTime()));
        ps.setLong(3, o.tradeTime());
        ps.setString(4, o.kind());
        TradeCorrection c = o.correction();
        if (c != null) {
            ps.setString(5, c.exchange());
            ps.setString(6, c.tape());
            ps.setLong(7, c.originalId());
            ps.setDouble(8, c.originalPrice());
            ps.setLong(9, c.originalSize());
            ps.setArray(10, ps.getConnection().createArrayOf("text", c.originalConditions()));
            ps.setLong(11, c.correctedId());
            ps.setDouble(12, c.correctedPrice());
            ps.setLong(13, c.correctedSize());
            ps.setArray(14, ps.getConnection().createArrayOf("text", c.correctedConditions()));
        } else {
            TradeCancel x = o.cancel();
            ps.setString(5, x.exchange());
            ps.setString(6, x.tape());
            ps.setLong(7, x.id());
            ps.setDouble(8, x.price());
            ps.setLong(9, x.size());
            ps.setNull(10, Types.ARRAY);
            ps.setNull(11, Types.BIGINT);
            ps.setNull(12, Types.DOUBLE);
            ps.setNull(13, Types.BIGINT);
            ps.setNull(14, Types.ARRAY);
        }
        ps.setBoolean(15, o.applied());
        ps.setString(16, o.reason());
    }

    static void bindProviderBar(PreparedStatement ps, ProviderBar b) throws SQLException {
        ps.setString(1, b.symbol());
        ps.setString(2, b.kind() == ProviderBar.Kind.DAILY_BAR ? "daily" : "minute");
        ps.setObject(3, utc(b.start()));
        ps.setDouble(4, b.open());
        ps.setDouble(5, b.high());
        ps.setDouble(6, b.low());
        ps.setDouble(7, b.close());
        ps.setLong(8, b.volume());
        ps.setLong(9, b.tradeCount());
        ps.setDouble(10, b.vwap());
        ps.setBoolean(11, b.kind() == ProviderBar.Kind.UPDATED_BAR);
    }

    static void bindFeedStatus(PreparedStatement ps, FeedStatus s) throws SQLException {
        ps.setString(1, s.split());
        ps.setBoolean(2, s.connected());
        ps.setString(3, s.restCircuit());
        ps.setInt(4, s.symbols());
        ps.setObject(5, s.lastMessageNanos() == 0 ? null : utc(s.lastMessageNanos()));
        ps.setObject(6, utc(s.reportedNanos()));
    }

    static void bindTradingStatus(PreparedStatement ps, TradingStatus s) throws SQLException {
        ps.setString(1, s.symbol());
        ps.setObject(2, utc(s.timestamp()));
        ps.setLong(3, s.timestamp());
        ps.setString(4, s.statusCode());
        ps.setString(5, s.statusMessage());
        ps.setString(6, s.reasonCode());
        ps.setString(7, s.reasonMessage());
        ps.setString(8, s.tape());
    }

    static void bindDeadLetter(PreparedStatement ps, DeadLetter d) throws SQLException {
        ps.setString(1, d.source());
        ps.setString(2, d.reason());
        ps.setString(3, d.raw());
        ps.setObject(4, utc(d.receivedAt()));
    }

    private static OffsetDateTime utc(long epochNanos) {
        return EpochNanos.toInstant(epochNanos).atOffset(ZoneOffset.UTC);
    }
}
