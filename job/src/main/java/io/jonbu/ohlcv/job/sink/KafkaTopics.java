package io.jonbu.ohlcv.job.sink;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the job's topics before it starts, when they do not exist yet. Left to the broker's
 * auto-creation, the first write races the new partitions' leader election, and an idempotent
 * producer retrying into that race fails with out-of-order sequence numbers.
 */
public final class KafkaTopics {
    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {}

    /** Creates whichever of the settings' topics are missing, with {@code partitions} partitions and the brokers' default replication. */
    public static void ensure(KafkaSettings settings, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(settings.candlesTopic(), settings.enrichedTopic(), settings.quotesTopic()).stream().distinct()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the Kafka topics at " + settings.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kafka topics", e);
        }
    }
}
