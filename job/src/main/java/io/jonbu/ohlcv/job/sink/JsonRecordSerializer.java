package io.jonbu.ohlcv.job.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.flink.util.function.SerializableFunction;

/**
 * One Kafka record per value: the symbol as key (so one symbol's updates stay in order on one
 * partition), the value as the REST API's JSON.
 */
final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final Class<T> type;
    private final SerializableFunction<T, String> symbol;
    private transient ObjectWriter writer;

    JsonRecordSerializer(String topic, Class<T> type, SerializableFunction<T, String> symbol) {
        this.topic = topic;
        this.type = type;
        this.symbol = symbol;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        writer = ApiJson.mapper().writerFor(type);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T value, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(topic, null, timestamp, symbol.apply(value).getBytes(StandardCharsets.UTF_8),
                    writer.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
