package io.jonbu.ohlcv.cli.local;

import io.jonbu.ohlcv.job.CandleJobConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * What {@code jonbu run} starts.
 *
 * @param servingPort        REST port; 0 picks a free one
 * @param flinkUiPort        Flink web UI port; 0 runs without the web UI
 * @param dataDirectory      where the embedded PostgreSQL keeps its data; null for a throw-away database
 * @param embeddedDbPort     the embedded PostgreSQL's port; 0 picks a free one
 * @param externalDb         an existing PostgreSQL to use instead of the embedded one; null for embedded
 * @param feed               where trades come from
 * @param job                event-time settings of the candle job
 * @param parallelism        Flink parallelism
 * @param checkpointInterval how often the job checkpoints
 * @param kafka              where the job publishes live candles
 * @param requireApiKeys     whether the REST API and the stream need an API key ({@code --auth api-key})
 * @param maxBackfill        how far back the live source backfills a gap at most (see
 *                           {@code AlpacaStreamSource.Builder#maxBackfill})
 * @param bufferTimeout      how long Flink may hold a network buffer that is not full before sending it on
 *                           ({@code execution.buffer-timeout}): a shorter one passes each candle to the next
 *                           operator sooner, at the cost of more, smaller buffers; 0 flushes every record;
 *                           null for Flink's default of 100 ms
 */
public record LocalStackConfig(
        int servingPort,
        int flinkUiPort,
        Path dataDirectory,
        int embeddedDbPort,
        ExternalDatabase externalDb,
        Feed feed,
        CandleJobConfig job,
        int parallelism,
        Duration checkpointInterval,
        LocalKafka kafka,
        boolean requireApiKeys,
        Duration maxBackfill,
        Duration bufferTimeout) {

    public LocalStackConfig {
        if (bufferTimeout != null && bufferTimeout.isNegative()) {
            throw new IllegalArgumentException("bufferTimeout: must not be negative");
        }
    }

    /**
     * The Kafka of local mode: an embedded single-node broker (its logs under the data directory) unless
     * {@code externalBootstrap} names a cluster.
     *
     * @param externalBootstrap {@code host:port,...} of an existing cluster; null for the embedded broker
     * @param embeddedPort      the embedded broker's client port; 0 picks a free one
     * @param guarantee         the sink's delivery guarantee; null for exactly-once, as the job checkpoints
     * @param linger            the job's producers' {@code linger.ms} (see {@code KafkaSettings#linger}); null
     *                          for the Kafka client's default
     */
    public record LocalKafka(String externalBootstrap, int embeddedPort, DeliveryGuarantee guarantee, Duration linger) {
        /** An embedded broker on a free port, exactly-once, the client's linger. */
        public static LocalKafka embedded() {
            return new LocalKafka(null, 0, null, null);
        }
    }

    /** A PostgreSQL server that is not ours to start; the password is never printed. */
    public record ExternalDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return url + (user == null ? "" : " as " + user);
        }
    }
}
