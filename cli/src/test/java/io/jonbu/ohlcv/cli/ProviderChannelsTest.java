package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.cli.local.Feed;
import io.jonbu.ohlcv.cli.local.LocalStack;
import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.testing.KafkaRecords;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The local stack with every channel subscribed: the simulator, the job on a MiniCluster at
 * parallelism 2, embedded PostgreSQL and Kafka. The provider's minute bars, built by the simulator from
 * its tape, equal the job's own 1m candles of the same minutes (two bar builders agreeing on the same
 * tape rules, late trades, corrections and cancels included), the statuses land in {@code trading_statuses},
 * and the quotes reach their Kafka topic.
 */
class ProviderChannelsTest {
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT");
    /** Minutes per symbol both builders must have closed before the comparison. */
    private static final int MINUTES = 5;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void providerMinuteBarsEqualOurOneMinuteCandlesStatusesAreStoredAndQuotesPublished() throws Exception {
        // a virtual minute per wall second; trades up to 3 s out of order, so some minute bars are updated (u);
        // the job waits 5 s for them: a trade later than its out-of-orderness (and allowed lateness) would
        // be in Alpaca's updated bar but, rightly, only in our late_trades, and the two would differ there
        SimulatorConfig sim = SimulatorConfig.builder().symbols(SYMBOLS).rate(150)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), 60).outOfOrder(0.3, 3_000)
                // corrected and cancelled trades change sent minutes too: Alpaca's u, our revisions
                .corrections(0.02).cancels(0.02)
                .statusEvery(200).waitForSubscriber(true).limit(150L * (MINUTES + 3)).build();
        LocalStackConfig config = new LocalStackConfig(0, 0, null, 0, null,
                new Feed.Simulated(sim, EnumSet.allOf(Channel.class)),
                CandleJobConfig.defaults().withOutOfOrderness(Duration.ofSeconds(5)), 2, Duration.ofSeconds(1),
                LocalStackConfig.LocalKafka.embedded(), false, AlpacaStreamSource.DEFAULT_MAX_BACKFILL, null);
        try (LocalStack stack = LocalStack.start(config)) {
            List<String> mismatches = awaitAgreement(stack.jdbcUrl());
            assertThat(mismatches).as("provider minute bars against 1m candles").isEmpty();
            assertThat(count(stack.jdbcUrl(), "SELECT count(*) FROM provider_bars WHERE kind = 'minute'"))
                    .isGreaterThanOrEqualTo(SYMBOLS.size() * MINUTES);
            assertThat(count(stack.jdbcUrl(), "SELECT count(*) FROM provider_bars WHERE kind = 'minute' AND updated"))
                    .as("minute bars a late trade changed after they were sent").isPositive();
            assertThat(count(stack.jdbcUrl(), "SELECT count(*) FROM tape_corrections WHERE applied"))
                    .as("corrections and cancels the candles took in").isPositive();
            assertThat(count(stack.jdbcUrl(), "SELECT count(*) FROM provider_bars WHERE kind = 'daily'")).isEqualTo(SYMBOLS.size());
            assertThat(count(stack.jdbcUrl(), "SELECT count(*) FROM trading_statuses WHERE status_code IN ('H', 'T')"))
                    .as("a halt or resumption every 200 trades").isGreaterThanOrEqualTo(3);

            List<ConsumerRecord<String, String>> quotes = KafkaRecords.readCommitted(stack.kafkaBootstrap(),
                    KafkaSettings.DEFAULT_QUOTES_TOPIC, 100, WAIT);
            assertThat(quotes).hasSizeGreaterThanOrEqualTo(100);
            for (ConsumerRecord<String, String> quote : quotes.subList(0, 100)) {
                JsonNode json = ApiJson.mapper().readTree(quote.value());
                assertThat(quote.key()).isEqualTo(json.get("symbol").asText()).isIn(SYMBOLS);
                assertThat(json.get("bid_price").asDouble()).isLessThan(json.get("ask_price").asDouble());
                // RFC 3339, within the run (an out-of-order trade, and its quote, may be stamped before its start)
                assertThat(EpochNanos.parse(json.get("timestamp").asText()))
                        .isBetween(EpochNanos.parse("2024-03-08T14:29:00Z"), EpochNanos.parse("2024-03-08T14:45:00Z"));
            }
        }
    }

    /**
     * Waits until every symbol has {@link #MINUTES} provider minute bars and each equals the 1m candle
     * of its minute, as late trades may still be revising both; returns what differs at the deadline.
     * Open, high, low, close, volume and trade count are exact; VWAP to rounding, the two builders adding
     * the same notionals in different orders.
     */
    private static List<String> awaitAgreement(String jdbcUrl) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> mismatches = List.of("nothing compared yet");
        while (System.nanoTime() < deadline) {
            mismatches = mismatches(jdbcUrl);
            if (mismatches.isEmpty()) {
                return mismatches;
            }
            Thread.sleep(500);
        }
        return mismatches;
    }

    private static List<String> mismatches(String jdbcUrl) throws SQLException {
        List<String> mismatches = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT symbol, count(*) FROM provider_bars WHERE kind = 'minute' GROUP BY symbol")) {
                int symbols = 0;
                while (rs.next()) {
                    symbols++;
                    if (rs.getInt(2) < MINUTES) {
                        mismatches.add(rs.getString(1) + ": only " + rs.getInt(2) + " minute bars");
                    }
                }
                if (symbols < SYMBOLS.size()) {
                    mismatches.add("minute bars of " + symbols + " symbols");
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT p.symbol, p.start_time::text, p.open, p.high, p.low, p.close, p.volume, p.trade_count, p.vwap,
                           c.open, c.high, c.low, c.close, c.volume, c.trade_count, c.vwap
                    FROM provider_bars p
                    LEFT JOIN candles c ON c.symbol = p.symbol AND c.timeframe = '1m' AND c.start_time = p.start_time
                    WHERE p.kind = 'minute'
                    ORDER BY p.symbol, p.start_time""")) {
                while (rs.next()) {
                    String where = rs.getString(1) + " " + rs.getString(2);
                    if (rs.getObject(10) == null) {
                        mismatches.add(where + ": no candle");
                        continue;
                    }
                    boolean same = rs.getDouble(3) == rs.getDouble(10) && rs.getDouble(4) == rs.getDouble(11)
                            && rs.getDouble(5) == rs.getDouble(12) && rs.getDouble(6) == rs.getDouble(13)
                            && rs.getLong(7) == rs.getLong(14) && rs.getLong(8) == rs.getLong(15)
                            && Math.abs(rs.getDouble(9) - rs.getDouble(16)) < 1e-9 * rs.getDouble(16);
                    if (!same) {
                        mismatches.add(where + ": provider o/h/l/c/v/n/vw " + rs.getDouble(3) + "/" + rs.getDouble(4) + "/"
                                + rs.getDouble(5) + "/" + rs.getDouble(6) + "/" + rs.getLong(7) + "/" + rs.getLong(8) + "/"
                                + rs.getDouble(9) + " candle " + rs.getDouble(10) + "/" + rs.getDouble(11) + "/"
                                + rs.getDouble(12) + "/" + rs.getDouble(13) + "/" + rs.getLong(14) + "/" + rs.getLong(15)
                                + "/" + rs.getDouble(16));
                    }
                }
            }
        }
        return mismatches;
    }

    private static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
