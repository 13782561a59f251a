package io.jonbu.ohlcv.serving.stream;

import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;

/**
 * What a streaming server runs on in tests: a real Kafka broker with the job's topics, an embedded
 * PostgreSQL with the schema, and a producer that publishes candles as the job does.
 */
record StreamBackends(EmbeddedKafka kafka, EmbeddedDatabase db, CandleProducer producer) implements AutoCloseable {

    /** @param partitions of each candle topic */
    static StreamBackends start(int partitions) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        try (var admin = kafka.admin()) {
            CandleProducer.createTopics(admin, partitions);
        }
        return new StreamBackends(kafka, EmbeddedDatabase.startTemporary(), new CandleProducer(kafka.bootstrapServers()));
    }

    @Override
    public void close() {
        producer.close();
        db.close();
        kafka.close();
    }
}
