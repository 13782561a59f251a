package io.jonbu.ohlcv.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.job.CandleJob;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.job.feed.LineFeed;
import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.job.testing.CollectingSinks;
import io.jonbu.ohlcv.job.testing.KafkaRecords;
import io.jonbu.ohlcv.job.testing.RandomTrades;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The candle job on a MiniCluster publishing to a real Kafka broker, read back as a consumer would. */
class KafkaSinksTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA");
    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void exactlyOnceWithCheckpointsPublishesEveryCandleOnceKeyedBySymbol() throws Exception {
        List<Trade> trades = RandomTrades.generate(3, 4_000, SYMBOLS, EpochNanos.parse("2024-03-08T14:30:00Z"),
                500_000_000L, 1_000_000_000L);
        KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers()).withTopics("candles-eo", "enriched-eo");
        CollectingSinks history = run(trades, settings, true);

        List<Candle> expected = CandleOracle.candles(trades, List.of(Timeframe.values()));
        List<ConsumerRecord<String, String>> records = readAll("candles-eo", expected.size());
        List<Candle> published = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            Candle c = ApiJson.mapper().readValue(r.value(), Candle.class);
            assertThat(r.key()).isEqualTo(c.symbol());
            published.add(c);
        }
        Comparator<Candle> byKey = Comparator.comparing(Candle::symbol).thenComparing(Candle::timeframe).thenComparingLong(Candle::start);
        // the collecting history sink is not transactional: compare Kafka with the oracle, which a restart cannot fool
        assertThat(published).hasSize(expected.size());
        assertThat(records).extracting(ConsumerRecord::partition).as("keyed by symbol over both partitions").contains(0, 1);
        List<Candle> sortedExpected = expected.stream().sorted(byKey).toList();
        for (int i = 0; i < sortedExpected.size(); i++) {
            assertThat(CandleOracle.sameCandle(published.stream().sorted(byKey).toList().get(i), sortedExpected.get(i))).isTrue();
        }

        long distinctEnriched = history.enriched.received().stream().distinct().count();
        List<ConsumerRecord<String, String>> enriched = readAll("enriched-eo", (int) distinctEnriched);
        assertThat(enriched).hasSize((int) distinctEnriched);
        EnrichedCandle first = ApiJson.mapper().readValue(enriched.get(0).value(), EnrichedCandle.class);
        assertThat(enriched.get(0).key()).isEqualTo(first.ohlcv().symbol());
    }

    @Test
    void withoutCheckpointsTheDefaultIsAtLeastOnceSoCandlesAreStillPublished() throws Exception {
        List<Trade> trades = RandomTrades.generate(4, 1_000, SYMBOLS, EpochNanos.parse("2024-03-08T14:30:00Z"),
                500_000_000L, 0);
        KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers()).withTopics("candles-alo", "enriched-alo");
        assertThat(settings.guarantee(false)).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(settings.guarantee(true)).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(settings.withGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).guarantee(true)).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);

        CollectingSinks history = run(trades, settings, false);

        int candles = (int) history.candles.received().stream().distinct().count();
        assertThat(readAll("candles-alo", candles)).as("at least once").hasSizeGreaterThanOrEqualTo(candles);
    }

    @Test
    void settingsNameEveryMistakeAtOnce() {
        assertThatThrownBy(() -> new KafkaSettings(" ", "", "e", "q", null, "p", Duration.ZERO, Duration.ofMillis(-1)))
                .hasMessage("bootstrapServers: must name at least one broker; candlesTopic: must not be empty; "
                        + "transactionTimeout: must be positive; linger: must not be negative");
    }

    @Test
    void aLingerGoesToTheProducersAndWithoutOneTheClientDefaultStays() {
        KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers());
        assertThat(settings.producerProperties()).doesNotContainKey(ProducerConfig.LINGER_MS_CONFIG)
                .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "600000");
        assertThat(settings.withLinger(Duration.ofMillis(5)).withTopics("c", "e").withGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .producerProperties()).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5");
    }

    private CollectingSinks run(List<Trade> trades, KafkaSettings settings, boolean checkpointing) throws Exception {
        Path file = dir.resolve("trades.ndjson");
        RandomTrades.writeFrames(file, trades, 50, List.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        if (checkpointing) {
            env.enableCheckpointing(200);
        }
        KafkaTopics.ensure(settings, 2);
        CollectingSinks history = new CollectingSinks();
        FileSource<String> lines = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(file.toUri())).build();
        new CandleJob(new LineFeed(lines, "file"), new KafkaSinks(history, settings), CandleJobConfig.defaults()).addTo(env);
        env.execute("kafka sinks");
        return history;
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        return KafkaRecords.readCommitted(kafka.bootstrapServers(), topic, expected, Duration.ofSeconds(30));
    }
}
