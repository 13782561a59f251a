package io.jonbu.ohlcv.serving.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the WebSocket stream reads candles from, and how much it lets a slow client fall behind.
 *
 * @param bootstrapServers {@code host:port,...} of the Kafka cluster the job publishes to
 * @param candlesTopic     the job's candle topic (JSON values, keyed by symbol)
 * @param enrichedTopic    the job's enriched-candle topic
 * @param queueCapacity    messages a client may have waiting; past it, new ones are dropped (after
 *                         pending partial updates of the same candle are coalesced)
 * @param slowClientLimit  how long a client may stay behind (its queue full and not drained to half)
 *                         before it is disconnected with a {@code 407 slow client} error
 * @param pingInterval     how often the server pings each client, so dead connections are found and
 *                         proxies keep idle ones open; under Jetty's 30 s idle timeout, so the pongs
 *                         keep a client that waits minutes for its next candle connected
 * @param maxMessageChars  the largest message a client may send; larger ones end the connection
 */
public record CandleStreamSettings(String bootstrapServers, String candlesTopic, String enrichedTopic, int queueCapacity,
        Duration slowClientLimit, Duration pingInterval, int maxMessageChars) {

    /** The job's defaults ({@code KafkaSettings} in the job module, which serving must not depend on). */
    public static final String DEFAULT_CANDLES_TOPIC = "ohlcv.candles";
    public static final String DEFAULT_ENRICHED_TOPIC = "ohlcv.enriched";
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;
    public static final Duration DEFAULT_SLOW_CLIENT_LIMIT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 4096;

    public CandleStreamSettings {
        List<String> errors = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            errors.add("bootstrapServers: must name at least one broker");
        }
        if (candlesTopic == null || candlesTopic.isBlank() || enrichedTopic == null || enrichedTopic.isBlank()) {
            errors.add("candlesTopic, enrichedTopic: must not be empty");
        }
        if (queueCapacity < 2) {
            errors.add("queueCapacity: must be at least 2");
        }
        if (slowClientLimit == null || slowClientLimit.isNegative()) {
            errors.add("slowClientLimit: must not be negative");
        }
        if (pingInterval == null || pingInterval.isNegative() || pingInterval.isZero()) {
            errors.add("pingInterval: must be positive");
        }
        if (maxMessageChars < 64) {
            errors.add("maxMessageChars: must be at least 64");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /** The job's default topics and this class's default limits. */
    public static CandleStreamSettings of(String bootstrapServers) {
        return new CandleStreamSettings(bootstrapServers, DEFAULT_CANDLES_TOPIC, DEFAULT_ENRICHED_TOPIC, DEFAULT_QUEUE_CAPACITY,
                DEFAULT_SLOW_CLIENT_LIMIT, DEFAULT_PING_INTERVAL, DEFAULT_MAX_MESSAGE_CHARS);
    }

    public CandleStreamSettings withTopics(String candles, String enriched) {
        return new CandleStreamSettings(bootstrapServers, candles, enriched, queueCapacity, slowClientLimit, pingInterval, maxMessageChars);
    }

    public CandleStreamSettings withBackpressure(int capacity, Duration limit) {
        return new CandleStreamSettings(bootstrapServers, candlesTopic, enrichedTopic, capacity, limit, pingInterval, maxMessageChars);
    }
}
