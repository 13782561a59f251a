package io.jonbu.ohlcv.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.job.sink.KafkaSettings;
import java.time.Duration;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

/** The cluster entry point's Kafka options: off unless named, topics and delivery as given, mistakes named. */
class CandleJobMainTest {
    private static ParameterTool args(String... args) {
        return ParameterTool.fromArgs(args);
    }

    @Test
    void withoutABootstrapTheJobWritesPostgresOnly() {
        assertThat(CandleJobMain.kafka(args("--db-url", "jdbc:postgresql://db/jonbu"))).isEmpty();
    }

    @Test
    void aBootstrapPublishesToTheNamedTopicsWithTheNamedGuarantee() {
        KafkaSettings kafka = CandleJobMain.kafka(args("--kafka-bootstrap", "kafka:9092", "--candles-topic", "c",
                "--enriched-topic", "e", "--quotes-topic", "q", "--kafka-delivery", "at-least-once", "--kafka-linger-ms", "5")).orElseThrow();

        assertThat(kafka.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(kafka.candlesTopic()).isEqualTo("c");
        assertThat(kafka.enrichedTopic()).isEqualTo("e");
        assertThat(kafka.quotesTopic()).isEqualTo("q");
        assertThat(kafka.guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(kafka.linger()).isEqualTo(Duration.ofMillis(5));
        KafkaSettings unset = CandleJobMain.kafka(args("--kafka-bootstrap", "kafka:9092")).orElseThrow();
        assertThat(unset.guarantee()).as("unset: exactly-once when checkpointing (KafkaSinksTest)").isNull();
        assertThat(unset.linger()).as("unset: the Kafka client's default").isNull();
    }

    @Test
    void mistakesNameTheOption() {
        assertThatThrownBy(() -> CandleJobMain.kafka(args("--kafka-bootstrap", "kafka:9092", "--kafka-delivery", "sometimes")))
                .hasMessageContaining("--kafka-delivery").hasMessageContaining("'sometimes'");
        assertThatThrownBy(() -> CandleJobMain.kafka(args("--kafka-bootstrap", " "))).hasMessageContaining("--kafka-bootstrap");
        assertThatThrownBy(() -> CandleJobMain.kafka(args("--kafka-bootstrap", "kafka:9092", "--kafka-linger-ms", "-1")))
                .hasMessageContaining("--kafka-linger-ms");
    }
}
