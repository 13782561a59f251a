package io.jonbu.ohlcv.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.feed.LineFeed;
import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.job.testing.CollectingSinks;
import io.jonbu.ohlcv.job.testing.RandomTrades;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's own metrics, as the Prometheus reporter exports them (here Flink's in-memory reporter on
 * the same MiniCluster): trades in, rejected messages by reason, candles emitted per timeframe, and
 * the event-time lag.
 */
class JobMetricsTest {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    Path dir;

    @Test
    void tradesInRejectedMessagesByReasonCandlesPerTimeframeAndEventTimeLagAreReported() throws Exception {
        List<Trade> trades = RandomTrades.generate(3, 4_000, List.of("AAPL", "MSFT"), EpochNanos.parse("2024-03-08T14:30:00Z"),
                900_000_000L, 1_000_000_000L);
        Path file = dir.resolve("trades.ndjson");
        RandomTrades.writeFrames(file, trades, 40, List.of("{not json", "[{\"T\":\"t\",\"S\":\"AAPL\"}]",
                "[{\"T\":\"zz\",\"S\":\"AAPL\"}]"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        new CandleJob(new LineFeed(FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(file.toUri())).build(), "file"), new CollectingSinks(), CandleJobConfig.defaults()).addTo(env);
        JobID job = env.execute("metrics").getJobID();

        assertThat(sum(job, "tradesIn", Map.of())).isEqualTo(trades.size());
        assertThat(sum(job, "rejectedMessages", Map.of("reason", "invalid_json"))).isEqualTo(1);
        assertThat(sum(job, "rejectedMessages", Map.of("reason", "missing_field"))).isEqualTo(1);
        assertThat(sum(job, "rejectedMessages", Map.of("reason", "unknown_type"))).isEqualTo(1);
        Map<Timeframe, Long> perTimeframe = CandleOracle.candles(trades, List.of(Timeframe.values())).stream()
                .collect(Collectors.groupingBy(Candle::timeframe, Collectors.counting()));
        for (Timeframe tf : Timeframe.values()) {
            assertThat(sum(job, "candlesEmitted", Map.of("timeframe", tf.label())))
                    .as("candles of %s", tf).isEqualTo(perTimeframe.get(tf));
        }
        // the trades are of March 2024: event time trails the wall clock by more than a year
        assertThat(metrics(job, "eventTimeLag", Map.of())).isNotEmpty().allSatisfy(m ->
                assertThat((Long) ((Gauge<?>) m).getValue()).isGreaterThan(365L * 24 * 3600 * 1000));
    }

    private static long sum(JobID job, String name, Map<String, String> labels) {
        return metrics(job, name, labels).stream().mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    /**
     * The metric {@code name} of every subtask of the job, with the labels given: a key-value group
     * ({@code addGroup("reason", "invalid_json")}) is a variable {@code <reason>} of its metrics' group,
     * which the Prometheus reporter exports as a label.
     */
    private static List<Metric> metrics(JobID job, String name, Map<String, String> labels) {
        return REPORTER.getMetricsByGroup().entrySet().stream()
                .filter(g -> job.toString().equals(g.getKey().getAllVariables().get("<job_id>")))
                .filter(g -> labels.entrySet().stream().allMatch(l -> l.getValue().equals(g.getKey().getAllVariables().get("<" + l.getKey() + ">"))))
                .map(g -> g.getValue().get(name)).filter(m -> m != null).toList();
    }
}
