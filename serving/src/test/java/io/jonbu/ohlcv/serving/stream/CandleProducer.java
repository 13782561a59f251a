package io.jonbu.ohlcv.serving.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes candles as the job does (the REST API's JSON, keyed by symbol), but all to partition 0,
 * so that a test knows the order in which a client must receive them. Public for the chart page's
 * browser test, which publishes as the job would too.
 */
public final class CandleProducer implements AutoCloseable {
    static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");

    private final KafkaProducer<String, String> producer;
    private final Random random = new Random(7);

    public CandleProducer(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Creates the job's two topics with {@code partitions} partitions each. */
    public static void createTopics(Admin admin, int partitions) throws InterruptedException, ExecutionException, TimeoutException {
        admin.createTopics(List.of(
                        new NewTopic(CandleStreamSettings.DEFAULT_CANDLES_TOPIC, Optional.of(partitions), Optional.empty()),
                        new NewTopic(CandleStreamSettings.DEFAULT_ENRICHED_TOPIC, Optional.of(partitions), Optional.empty())))
                .all().get(30, TimeUnit.SECONDS);
    }

    /** The {@code n}th candle of a symbol and timeframe; {@code volume} tells partial updates of one candle apart. */
    static Candle candle(String symbol, Timeframe timeframe, int n, long volume, boolean isFinal) {
        long start = START + n * timeframe.nominalNanos();
        double open = 100 + n;
        return new Candle(symbol, timeframe, start, timeframe.end(start), open, open + 1, open - 1, open + 0.5, volume, volume / 10 + 1,
                open + 0.25, isFinal, 0);
    }

    static EnrichedCandle enriched(Candle candle) {
        return new EnrichedCandle(candle, new double[IndicatorKey.COUNT], new String[0], MarketContext.UNKNOWN,
                new double[FeatureSchema.COUNT], "a test candle");
    }

    public void send(Candle candle) {
        send(CandleStreamSettings.DEFAULT_CANDLES_TOPIC, candle.symbol(), json(candle));
    }

    public void send(EnrichedCandle enriched) {
        send(CandleStreamSettings.DEFAULT_ENRICHED_TOPIC, enriched.ohlcv().symbol(), json(enriched));
    }

    /**
     * A candle with a {@code padding} field of {@code chars} random characters, which the stream passes
     * on like any other: it makes the TCP buffers of a client that does not read fill after hundreds
     * of messages rather than tens of thousands. Random, because the connection may be compressed
     * (permessage-deflate, which okhttp and Jetty negotiate), and a repeated letter would shrink to nothing.
     */
    void sendPadded(Candle candle, int chars) {
        ObjectNode value = ApiJson.mapper().valueToTree(candle);
        byte[] noise = new byte[chars * 3 / 4];
        random.nextBytes(noise);
        value.put("padding", Base64.getEncoder().encodeToString(noise));
        send(CandleStreamSettings.DEFAULT_CANDLES_TOPIC, candle.symbol(), value.toString());
    }

    /** A value that is not the job's JSON, as a bug or a foreign producer might write. */
    void sendRaw(String key, String value) {
        send(CandleStreamSettings.DEFAULT_CANDLES_TOPIC, key, value);
    }

    public void flush() {
        producer.flush();
    }

    private void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, 0, key, value));
    }

    private static String json(Object value) {
        try {
            return ApiJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
