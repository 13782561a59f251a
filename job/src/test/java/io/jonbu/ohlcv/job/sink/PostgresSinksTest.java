package io.jonbu.ohlcv.job.sink;

import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.candle.CorrectionOutcome;
import io.jonbu.ohlcv.job.testing.TapeRevisions;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradingStatus;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import io.jonbu.ohlcv.model.enriched.Regime;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSinksTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedDatabase db;
    private static PostgresSinks sinks;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.startTemporary();
        sinks = new PostgresSinks(new PostgresConnection(db.jdbcUrl(), null, null));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Candle candle(double close, int revision) {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        return new Candle("AAPL", Timeframe.M1, start, Timeframe.M1.end(start), 10, 12, 9, close, 100, 3, 10.5, true, revision);
    }

    @Test
    void aRevisionReplacesTheRowAndAnOlderOneDoesNot() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        sinks.candles(env.fromData(List.of(candle(11, 0), candle(11.5, 1), candle(99, 0)), TypeInformation.of(Candle.class)));
        env.execute("candle upserts");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(close), max(revision), max(start_time)::text FROM candles WHERE symbol = 'AAPL'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getDouble(2)).isEqualTo(11.5);
            assertThat(rs.getInt(3)).isEqualTo(1);
            assertThat(rs.getString(4)).isEqualTo("2024-03-08 14:30:00+00");
        }
    }

    @Test
    void enrichedCandlesKeepNullForWhatIsNotWarmedUpWithTheirPatternsContextFeaturesAndDescription() throws Exception {
        double[] values = new double[IndicatorKey.COUNT];
        java.util.Arrays.fill(values, Double.NaN);
        values[IndicatorKey.OBV.ordinal()] = 100;
        double[] features = new double[FeatureSchema.COUNT];
        java.util.Arrays.fill(features, Double.NaN);
        features[FeatureSchema.RSI_14.ordinal()] = 0.25;
        MarketContext context = new MarketContext(Regime.RANGING, 10.5, Double.NaN, -3.5, 18.0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        sinks.enrichedCandles(env.fromData(List.of(new EnrichedCandle(candle(11, 0), values, new String[] {"doji", "hammer"},
                        context, features, "AAPL 1m candle")),
                TypeInformation.of(EnrichedCandle.class)));
        env.execute("enriched");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT indicators->>'obv' || ' ' || (indicators->'rsi_14' = 'null'::jsonb) || ' ' || array_to_string(patterns, ',')"
                    + " FROM enriched_candles WHERE symbol = 'AAPL'"))
                    .containsExactly("100.0 true doji,hammer");
            assertThat(rows(s, "SELECT context->>'regime' || ' ' || (context->>'support') || ' ' || (context->'resistance' = 'null'::jsonb)"
                    + " || ' ' || (context->>'trend_slope_deg') || ' ' || (context->>'trend_strength') FROM enriched_candles WHERE symbol = 'AAPL'"))
                    .containsExactly("ranging 10.5 true -3.5 18.0");
            assertThat(rows(s, "SELECT feature_schema_version || ' ' || cardinality(features) || ' ' || features[1] || ' '"
                    + " || (features[2] IS NULL) || ' ' || cardinality(embedding) || ' ' || embedding[1] || ' ' || embedding[2]"
                    + " FROM enriched_candles WHERE symbol = 'AAPL'"))
                    .containsExactly(FeatureSchema.VERSION + " " + FeatureSchema.COUNT + " 0.25 true " + FeatureSchema.COUNT + " 0.25 0.5");
            assertThat(rows(s, "SELECT description || ' | ' || (metadata->>'session') || ' ' || (metadata->>'regime') || ' '"
                    + " || (metadata->'patterns'->>1) FROM enriched_candles WHERE symbol = 'AAPL'"))
                    .containsExactly("AAPL 1m candle | regular ranging hammer");
        }
    }

    @Test
    void enrichedCandlesOfABatchGoInOneMultiRowUpsertTheLaterOfAKeyWinning() throws Exception {
        long start = EpochNanos.parse("2024-03-08T15:00:00Z");
        double[] values = new double[IndicatorKey.COUNT];
        java.util.Arrays.fill(values, Double.NaN);
        double[] features = new double[FeatureSchema.COUNT];
        java.util.Arrays.fill(features, 0.5);
        MarketContext context = new MarketContext(Regime.RANGING, Double.NaN, Double.NaN, 0, 0);
        java.util.function.BiFunction<String, Integer, EnrichedCandle> enriched = (symbol, revision) -> new EnrichedCandle(
                new Candle(symbol, Timeframe.M1, start, Timeframe.M1.end(start), 10, 12, 9, 11, 100, 3, 10.5, true, revision),
                values, new String[] {"doji"}, context, features, symbol + " revision " + revision);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        // four rows: pgjdbc sends a batch in statements of a power of two rows, so these would go as one
        sinks.enrichedCandles(env.fromData(List.of(enriched.apply("TSLA", 0), enriched.apply("AMD", 0), enriched.apply("TSLA", 1),
                enriched.apply("AMD", 1)), TypeInformation.of(EnrichedCandle.class)));
        env.execute("enriched batch");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT description || ' ' || array_to_string(patterns, ',') || ' ' || (context->>'regime')"
                    + " || ' ' || cardinality(embedding) FROM enriched_candles WHERE start_time = '2024-03-08 15:00:00+00' ORDER BY symbol"))
                    .containsExactly("AMD revision 1 doji ranging " + FeatureSchema.COUNT,
                            "TSLA revision 1 doji ranging " + FeatureSchema.COUNT);
        }
    }

    @Test
    void chartPatternsAreInsertedOnceWithNullForValuesThatDoNotApply() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        long end = start + 2 * Timeframe.M5.nominalNanos();
        ChartPatternEvent cross = new ChartPatternEvent("NVDA", Timeframe.M5, "golden_cross", start, end, Double.NaN, 900.5, 1200,
                950.25, 880.5, 870.25);
        ChartPatternEvent breakout = new ChartPatternEvent("NVDA", Timeframe.M5, "breakout", start + Timeframe.M5.nominalNanos(), end,
                899, 900.5, 1200, 950.25, Double.NaN, Double.NaN);
        ChartPatternEvent replayed = new ChartPatternEvent("NVDA", Timeframe.M5, "golden_cross", start, end, Double.NaN, 1, 1, 1, 1, 1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        sinks.chartPatterns(env.fromData(List.of(cross, breakout, replayed), TypeInformation.of(ChartPatternEvent.class)));
        env.execute("chart patterns");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT concat_ws(' ', pattern, timeframe, start_time::text, end_time::text, coalesce(level::text, 'null'),"
                    + " close, volume, volume_sma_20, coalesce(sma_50::text, 'null'), coalesce(sma_200::text, 'null'))"
                    + " FROM chart_patterns WHERE symbol = 'NVDA' ORDER BY pattern"))
                    .containsExactly(
                            "breakout 5m 2024-03-08 14:35:00+00 2024-03-08 14:40:00+00 899 900.5 1200 950.25 null null",
                            "golden_cross 5m 2024-03-08 14:30:00+00 2024-03-08 14:40:00+00 null 900.5 1200 950.25 880.5 870.25");
        }
    }

    @Test
    void lateTradesAndDeadLettersAreKeptAndReplaysDoNotDuplicateLateTrades() throws Exception {
        Trade late = trade("MSFT", "2024-03-08T14:30:00.123456789Z", 400.5, 7, 42);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        sinks.lateTrades(env.fromData(List.of(late, late), TypeInformation.of(Trade.class)));
        sinks.deadLetters(env.fromData(List.of(new DeadLetter("feed", "missing field 'p' (price)", "{\"T\":\"t\"}", 0)),
                TypeInformation.of(DeadLetter.class)));
        env.execute("late and dead");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT symbol || ' ' || timestamp_ns || ' ' || trade_id || ' ' || price || ' ' || size || ' ' || array_to_string(conditions, ',') FROM late_trades"))
                    .containsExactly("MSFT " + late.timestamp() + " 42 400.5 7 @");
            assertThat(rows(s, "SELECT source || ' | ' || reason || ' | ' || raw FROM dead_letters"))
                    .containsExactly("feed | missing field 'p' (price) | {\"T\":\"t\"}");
        }
    }

    @Test
    void correctionsAndCancelsAreKeptWithTheirOutcomeOncePerMessage() throws Exception {
        Trade t = trade("AAPL", "2024-03-08T14:30:00.5Z", 187.41, 200, 7);
        CorrectionOutcome corrected = new CorrectionOutcome(TapeRevisions.correction(t, 187.4, 100, 8, "@", "I"), null, true, null);
        CorrectionOutcome cancelled = new CorrectionOutcome(null, TapeRevisions.cancel(t), false, CorrectionOutcome.BEYOND_HORIZON);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        sinks.corrections(env.fromData(List.of(corrected, cancelled, corrected), TypeInformation.of(CorrectionOutcome.class)));
        env.execute("corrections");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT concat_ws(' ', symbol, trade_time::text, kind, exchange, original_id, original_price, original_size,"
                    + " array_to_string(original_conditions, ','), coalesce(corrected_id::text, '-'), coalesce(corrected_price::text, '-'),"
                    + " coalesce(corrected_size::text, '-'), coalesce(array_to_string(corrected_conditions, ','), '-'), applied,"
                    + " coalesce(reason, '-')) FROM tape_corrections ORDER BY kind DESC"))
                    .containsExactly(
                            "AAPL 2024-03-08 14:30:00.5+00 correction V 7 187.41 200 @ 8 187.4 100 @,I t -",
                            "AAPL 2024-03-08 14:30:00.5+00 cancel V 7 187.41 200 - - - - f " + CorrectionOutcome.BEYOND_HORIZON);
        }
    }

    @Test
    void anUpdatedMinuteBarReplacesItsBarTheDailyBarRunsAndStatusesAreKeptOncePerMessage() throws Exception {
        long minute = EpochNanos.parse("2024-03-08T14:31:00Z");
        long day = EpochNanos.parse("2024-03-08T05:00:00Z");
        ProviderBar bar = new ProviderBar(ProviderBar.Kind.BAR, "NVDA", minute, 875, 876, 874.5, 875.5, 300, 3, 875.2);
        ProviderBar updated = new ProviderBar(ProviderBar.Kind.UPDATED_BAR, "NVDA", minute, 875, 877, 874.5, 875.5, 400, 4, 875.6);
        ProviderBar daily = new ProviderBar(ProviderBar.Kind.DAILY_BAR, "NVDA", day, 870, 877, 869, 875.5, 9_000, 90, 873);
        ProviderBar dailyLater = new ProviderBar(ProviderBar.Kind.DAILY_BAR, "NVDA", day, 870, 878, 869, 877.5, 9_500, 95, 873.5);
        TradingStatus halt = new TradingStatus("NVDA", minute + 5, "H", "Trading Halt", "T12", "For information requested", "C");
        TradingStatus resume = new TradingStatus("NVDA", minute + 9, "T", "Trading Resumption", "", "", "C");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        sinks.providerBars(env.fromData(List.of(bar, daily, updated, dailyLater), TypeInformation.of(ProviderBar.class)));
        sinks.tradingStatuses(env.fromData(List.of(halt, resume, halt), TypeInformation.of(TradingStatus.class)));
        env.execute("provider bars and statuses");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT concat_ws(' ', symbol, kind, start_time::text, open, high, low, close, volume, trade_count, vwap,"
                    + " updated) FROM provider_bars WHERE symbol = 'NVDA' ORDER BY kind"))
                    .containsExactly("NVDA daily 2024-03-08 05:00:00+00 870 878 869 877.5 9500 95 873.5 f",
                            "NVDA minute 2024-03-08 14:31:00+00 875 877 874.5 875.5 400 4 875.6 t");
            // timestamptz keeps microseconds; timestamp_ns the exact time
            assertThat(rows(s, "SELECT concat_ws(' ', symbol, status_time::text, timestamp_ns - " + minute
                    + ", status_code, status_message, reason_code, tape) FROM trading_statuses ORDER BY timestamp_ns"))
                    .containsExactly("NVDA 2024-03-08 14:31:00+00 5 H Trading Halt T12 C",
                            "NVDA 2024-03-08 14:31:00+00 9 T Trading Resumption  C");
        }
    }

    @Test
    void theNewestFeedReportOfEachSplitWinsWhateverOrderTheyArriveIn() throws Exception {
        long t = EpochNanos.parse("2024-03-08T14:31:00Z");
        FeedStatus connected = new FeedStatus("alpaca-0", true, "closed", 4, t - 1_000_000_000L, t);
        FeedStatus open = new FeedStatus("alpaca-0", false, "open", 4, t - 1_000_000_000L, t + 5_000_000_000L);
        FeedStatus other = new FeedStatus("alpaca-1", true, "half_open", 3, 0, t);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        // the older report last: an at-least-once replay must not undo the newer one
        sinks.feedStatus(env.fromData(List.of(open, other, connected), TypeInformation.of(FeedStatus.class)));
        env.execute("feed status");

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT concat_ws(' ', split, connected, rest_circuit, symbols, coalesce(last_message_at::text, '-'),"
                    + " reported_at::text) FROM feed_status ORDER BY split"))
                    .containsExactly("alpaca-0 f open 4 2024-03-08 14:30:59+00 2024-03-08 14:31:05+00",
                            "alpaca-1 t half_open 3 - 2024-03-08 14:31:00+00");
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
