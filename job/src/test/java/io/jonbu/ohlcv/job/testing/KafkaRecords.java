package io.jonbu.ohlcv.job.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic as a downstream consumer of the job would: from the start, committed records only. */
public final class KafkaRecords {
    private KafkaRecords() {}

    /**
     * Reads until at least {@code expected} records have come and a further second brings none (so a
     * surplus shows), or until {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> readCommitted(String bootstrapServers, String topic, int expected,
            Duration timeout) {
        return readCommitted(bootstrapServers, topic, expected, r -> true, timeout);
    }

    /**
     * As {@link #readCommitted(String, String, int, Duration)}, counting towards {@code expected} only the
     * records that {@code counted} accepts: a topic that interleaves partial updates with finals is read
     * until enough finals have committed, not just enough records.
     */
    public static List<ConsumerRecord<String, String>> readCommitted(String bootstrapServers, String topic, int expected,
            Predicate<ConsumerRecord<String, String>> counted, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        int countedSoFar = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            int quietPolls = 0;
            while (System.nanoTime() < deadline && quietPolls < 2) {
                int before = records.size();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(r);
                    countedSoFar += counted.test(r) ? 1 : 0;
                }
                quietPolls = countedSoFar >= expected && records.size() == before ? quietPolls + 1 : 0;
            }
        }
        return records;
    }
}
