package io.jonbu.ohlcv.job.sink;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where and how the job publishes live candles to Kafka.
 *
 * @param bootstrapServers      {@code host:port,...} of the cluster
 * @param candlesTopic          final candles and their revisions, keyed by symbol
 * @param enrichedTopic         enriched candles, keyed by symbol
 * @param quotesTopic           the feed's quotes, when subscribed, keyed by symbol
 * @param guarantee             {@code EXACTLY_ONCE} (transactions committed with each checkpoint: readers
 *                              that use {@code read_committed} see candles a checkpoint interval later),
 *                              {@code AT_LEAST_ONCE} (flushed on checkpoints, visible at once, a replay after
 *                              a failure may repeat some), or null for exactly-once when the job checkpoints
 *                              and at-least-once when it does not (transactions would never commit)
 * @param transactionalIdPrefix prefix of the producers' transactional ids; unique per job on a cluster
 * @param transactionTimeout    must not exceed the brokers' {@code transaction.max.timeout.ms} (15 min by
 *                              default) and must outlast a checkpoint plus a restart
 * @param linger                the producers' {@code linger.ms}: how long a record may wait for others to share
 *                              its batch (fewer, larger requests against a longer wait before the first is
 *                              sent; an at-least-once reader sees each candle that much later); null for the
 *                              Kafka client's default (0 ms in 3.x)
 */
public record KafkaSettings(String bootstrapServers, String candlesTopic, String enrichedTopic, String quotesTopic,
        DeliveryGuarantee guarantee, String transactionalIdPrefix, Duration transactionTimeout, Duration linger)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_CANDLES_TOPIC = "ohlcv.candles";
    public static final String DEFAULT_ENRICHED_TOPIC = "ohlcv.enriched";
    public static final String DEFAULT_QUOTES_TOPIC = "ohlcv.quotes";
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "jonbu-ohlcv";
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    public KafkaSettings {
        List<String> errors = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            errors.add("bootstrapServers: must name at least one broker");
        }
        if (candlesTopic == null || candlesTopic.isBlank()) {
            errors.add("candlesTopic: must not be empty");
        }
        if (enrichedTopic == null || enrichedTopic.isBlank()) {
            errors.add("enrichedTopic: must not be empty");
        }
        if (quotesTopic == null || quotesTopic.isBlank()) {
            errors.add("quotesTopic: must not be empty");
        }
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            errors.add("transactionalIdPrefix: must not be empty");
        }
        if (transactionTimeout == null || transactionTimeout.isNegative() || transactionTimeout.isZero()) {
            errors.add("transactionTimeout: must be positive");
        }
        if (linger != null && linger.isNegative()) {
            errors.add("linger: must not be negative");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /** The default topics and transactions, the guarantee chosen by whether the job checkpoints. */
    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, DEFAULT_CANDLES_TOPIC, DEFAULT_ENRICHED_TOPIC, DEFAULT_QUOTES_TOPIC, null,
                DEFAULT_TRANSACTIONAL_ID_PREFIX, DEFAULT_TRANSACTION_TIMEOUT, null);
    }

    public KafkaSettings withGuarantee(DeliveryGuarantee deliveryGuarantee) {
        return new KafkaSettings(bootstrapServers, candlesTopic, enrichedTopic, quotesTopic, deliveryGuarantee,
                transactionalIdPrefix, transactionTimeout, linger);
    }

    public KafkaSettings withTopics(String candles, String enriched) {
        return new KafkaSettings(bootstrapServers, candles, enriched, quotesTopic, guarantee, transactionalIdPrefix,
                transactionTimeout, linger);
    }

    public KafkaSettings withQuotesTopic(String quotes) {
        return new KafkaSettings(bootstrapServers, candlesTopic, enrichedTopic, quotes, guarantee, transactionalIdPrefix,
                transactionTimeout, linger);
    }

    /** The producers wait up to {@code wait} to batch records; null for the client's default. */
    public KafkaSettings withLinger(Duration wait) {
        return new KafkaSettings(bootstrapServers, candlesTopic, enrichedTopic, quotesTopic, guarantee, transactionalIdPrefix,
                transactionTimeout, wait);
    }

    /** What the sinks' producers are configured with beyond the servers, serializers and guarantee. */
    Properties producerProperties() {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(transactionTimeout.toMillis()));
        if (linger != null) {
            properties.setProperty(ProducerConfig.LINGER_MS_CONFIG, Long.toString(linger.toMillis()));
        }
        return properties;
    }

    /** The guarantee to use in a job that does or does not checkpoint. */
    DeliveryGuarantee guarantee(boolean checkpointing) {
        if (guarantee != null) {
            return guarantee;
        }
        return checkpointing ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE;
    }
}
