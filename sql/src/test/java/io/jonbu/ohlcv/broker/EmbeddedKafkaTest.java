package io.jonbu.ohlcv.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker as clients see it: topics made on first use, transactions, and logs that survive a restart. */
class EmbeddedKafkaTest {
    @TempDir
    Path dir;

    @Test
    void aTransactionalProducersCommittedRecordsReachAReadCommittedConsumer() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            create(kafka, "ohlcv.test");
            try (KafkaProducer<String, String> producer = producer(kafka, "tx-test")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("ohlcv.test", "AAPL", "kept"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("ohlcv.test", "AAPL", "aborted"));
                producer.abortTransaction();
            }
            try (var admin = kafka.admin()) {
                assertThat(admin.describeTopics(List.of("ohlcv.test")).allTopicNames().get().get("ohlcv.test").partitions())
                        .as("the broker's default partition count").hasSize(EmbeddedKafka.PARTITIONS);
            }
            assertThat(readAll(kafka, "ohlcv.test", 1)).containsExactly("AAPL=kept");
        }
    }

    @Test
    void aPersistentBrokerKeepsItsTopicsAcrossARestart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startPersistent(dir, 0);
             KafkaProducer<String, String> producer = producer(kafka, null)) {
            create(kafka, "ohlcv.kept");
            producer.send(new ProducerRecord<>("ohlcv.kept", "MSFT", "one")).get();
        }
        try (EmbeddedKafka again = EmbeddedKafka.startPersistent(dir, 0)) {
            assertThat(readAll(again, "ohlcv.kept", 1)).containsExactly("MSFT=one");
        }
    }

    private static void create(EmbeddedKafka kafka, String topic) throws Exception {
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        }
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka, String transactionalId) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config);
    }

    private static List<String> readAll(EmbeddedKafka kafka, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // poll a little past the expected count, so a record that should not be there shows up
            int emptyPollsAfter = 0;
            while (System.nanoTime() < deadline && emptyPollsAfter < 3) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.key() + "=" + r.value());
                }
                if (values.size() >= expected) {
                    emptyPollsAfter++;
                }
            }
        }
        return values;
    }
}
