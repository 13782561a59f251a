package io.jonbu.ohlcv.serving.stream;

import io.jonbu.ohlcv.serving.health.HealthReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the job's candle topics on one thread and hands each record, decoded once, to the stream.
 *
 * <p>Every serving instance must see every candle, so the consumer takes all partitions itself
 * ({@code assign}, no consumer group): instances behind a load balancer neither share partitions nor
 * rebalance when one comes or goes, and commit nothing. It starts at the end of each partition: the
 * stream is live only, history is the REST API's. It reads committed records only, as the job writes
 * exactly-once in transactions; aborted ones never reach a client. Partitions added to a topic later
 * are not picked up until a restart.
 */
final class CandleFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CandleFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(1);
    // a consumer that has not returned from poll for this long is stuck (or its thread died)
    private static final long STALE_NANOS = Duration.ofSeconds(5).toNanos();

    private final CandleStreamSettings settings;
    private final Consumer<StreamUpdate> sink;
    private final StreamMetrics metrics;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile long lastPoll;
    private volatile String problem = "not started";

    CandleFeed(CandleStreamSettings settings, Consumer<StreamUpdate> sink, StreamMetrics metrics) {
        this.settings = settings;
        this.sink = sink;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "candle-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Starts consuming and waits up to {@code timeout} for the consumer to hold its positions at the end
     * of the topics, so a candle published after this returns reaches subscribers; a broker or topic
     * that is not there yet is retried in the background (and reported by {@link #health()}).
     */
    void start(Duration timeout) throws InterruptedException {
        thread.start();
        if (!assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("the candle stream is not reading Kafka yet: {}", problem);
        }
    }

    /** Up while the consumer holds its partitions and polls; the reason otherwise. */
    HealthReport.Component health() {
        if (assigned.getCount() > 0) {
            return HealthReport.Component.down(problem);
        }
        long since = System.nanoTime() - lastPoll;
        return since < STALE_NANOS ? HealthReport.Component.up()
                : HealthReport.Component.down("no poll for " + since / 1_000_000 + " ms");
    }

    private void run() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "jonbu-serving-stream",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer = kafka;
            while (running && !assignAtEnd(kafka)) {
                Thread.sleep(RETRY.toMillis());
            }
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    dispatch(record);
                }
                lastPoll = System.nanoTime();
            }
        } catch (WakeupException e) {
            if (running) {
                problem = "woken up unexpectedly";
                LOG.error("candle feed stopped", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problem = e.toString();
            LOG.error("candle feed stopped: WebSocket clients receive nothing more", e);
        }
    }

    /** @return false while a topic is missing or the broker does not answer */
    private boolean assignAtEnd(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(settings.candlesTopic(), settings.enrichedTopic())) {
            List<PartitionInfo> infos;
            try {
                infos = kafka.partitionsFor(topic, METADATA_TIMEOUT);
            } catch (RuntimeException e) {
                if (e instanceof WakeupException) {
                    throw e;
                }
                problem = "no metadata for " + topic + " from " + settings.bootstrapServers() + ": " + e.getMessage();
                return false;
            }
            if (infos == null || infos.isEmpty()) {
                problem = "topic " + topic + " does not exist at " + settings.bootstrapServers();
                return false;
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        kafka.assign(partitions);
        kafka.seekToEnd(partitions);
        // seekToEnd is lazy: resolve it now, or candles published before the first poll would be skipped
        partitions.forEach(kafka::position);
        lastPoll = System.nanoTime();
        assigned.countDown();
        LOG.info("candle stream reading {} partitions of {}, {} from their end", partitions.size(), settings.candlesTopic(),
                settings.enrichedTopic());
        return true;
    }

    private void dispatch(ConsumerRecord<String, String> record) {
        metrics.record();
        StreamUpdate.Kind kind = record.topic().equals(settings.enrichedTopic()) ? StreamUpdate.Kind.ENRICHED : StreamUpdate.Kind.CANDLE;
        StreamUpdate update;
        try {
            update = StreamUpdate.decode(kind, record.value());
        } catch (IllegalArgumentException e) {
            metrics.malformedRecord();
            LOG.warn("skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        sink.accept(update);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
