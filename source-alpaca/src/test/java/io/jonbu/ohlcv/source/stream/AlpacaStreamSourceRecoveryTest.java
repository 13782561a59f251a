package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source's promise across gaps, in real Flink jobs against the simulator: whether the stream
 * drops under a running job or the job itself stops and is restored from a savepoint while the
 * market goes on, the job receives every trade the simulator emitted exactly once.
 */
class AlpacaStreamSourceRecoveryTest {
    private static final int PARALLELISM = 2;
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** No trade for this long after the simulator finished: the job has delivered all it will. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    /** All symbols on one connection, so emission waits for the only subscriber and no trade precedes it. */
    private static final int ONE_SPLIT = Integer.MAX_VALUE;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aStreamCutMidRunIsBackfilledSoEveryTradeArrivesExactlyOnce() throws Exception {
        SimulatorConfig config = market(2_000, 6_000);
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                CuttingProxy proxy = new CuttingProxy(simulator.port())) {
            CollectingSink<Trade> sink = new CollectingSink<>();
            AlpacaStreamSource source = source("ws://127.0.0.1:" + proxy.port() + "/v2/iex", simulator.restUrl(), ONE_SPLIT);
            StreamExecutionEnvironment env = env();
            pipeline(env, source, sink);
            JobClient job = env.executeAsync("alpaca-cut");
            try {
                await(() -> sink.size() >= 1_500, "the first trades");
                long emittedAtCut = simulator.emittedCount();
                proxy.cutAll();
                awaitAll(simulator, sink, config.limit());

                assertThat(proxy.accepted()).as("connections through the proxy").isGreaterThanOrEqualTo(2);
                assertThat(emittedAtCut).as("trades emitted before the cut").isLessThan(config.limit());
                assertExactlyOnce(sink.received(), emitted(config));
            } finally {
                job.cancel().get();
            }
        }
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aJobRestoredFromASavepointBackfillsWhatItMissedWhileDown(@TempDir Path savepoints) throws Exception {
        restoreAfterADowntime(savepoints, AlpacaStreamSource.DEFAULT_CATCH_UP_THRESHOLD);
    }

    /** The gap (a second of virtual time and more) is now longer than the threshold: it is caught up before subscribing. */
    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aJobRestoredAfterAGapLongerThanTheCatchUpThresholdCatchesUpAndGetsEveryTradeOnce(@TempDir Path savepoints)
            throws Exception {
        restoreAfterADowntime(savepoints, Duration.ofMillis(200));
    }

    private void restoreAfterADowntime(Path savepoints, Duration catchUpThreshold) throws Exception {
        SimulatorConfig config = market(1_000, 6_000);
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config)) {
            CollectingSink<Trade> sink = new CollectingSink<>();
            // two splits on two readers: each restores its own positions
            AlpacaStreamSource source = source(simulator.url("iex"), simulator.restUrl(), 4, catchUpThreshold);
            assertThat(source.splitCount()).isEqualTo(PARALLELISM);

            StreamExecutionEnvironment first = env();
            pipeline(first, source, sink);
            JobClient running = first.executeAsync("alpaca-before-savepoint");
            await(() -> sink.size() >= 1_500, "the first trades");
            String savepoint = running.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            int beforeStop = sink.size();
            // the market goes on while the job is down
            Thread.sleep(1_000);

            StreamExecutionEnvironment second = env();
            pipeline(second, source, sink);
            StreamGraph graph = second.getStreamGraph();
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
            long emittedWhileDown = simulator.emittedCount() - beforeStop;
            JobClient restored = second.executeAsync(graph);
            try {
                awaitAll(simulator, sink, config.limit());

                assertThat(emittedWhileDown).as("trades emitted while the job was down").isPositive();
                List<Trade> received = sink.received();
                assertExactlyOnce(received, sinceEachSplitSubscribed(emitted(config), received, source.splits()));
            } finally {
                restored.cancel().get();
            }
        }
    }

    /** Deterministic trades on virtual time, the first one held back until a client subscribes. */
    private static SimulatorConfig market(double rate, long limit) {
        return SimulatorConfig.builder().seed(7).rate(rate).virtualTime(START, 1).limit(limit).waitForSubscriber(true)
                .build();
    }

    private static AlpacaStreamSource source(String url, String restUrl, int symbolsPerSplit) {
        return source(url, restUrl, symbolsPerSplit, AlpacaStreamSource.DEFAULT_CATCH_UP_THRESHOLD);
    }

    private static AlpacaStreamSource source(String url, String restUrl, int symbolsPerSplit, Duration catchUpThreshold) {
        return AlpacaStreamSource.builder().url(url).restUrl(restUrl).credentials("key", "secret")
                .symbols(SimulatorConfig.DEFAULT_SYMBOLS).symbolsPerSplit(symbolsPerSplit).catchUpThreshold(catchUpThreshold)
                // trades as trades: a tape snapshot would carry those stamped before the gap (AlpacaStreamSourceReconcileTest)
                .reconcileLookback(Duration.ZERO)
                .reconnectBackoff(Duration.ofMillis(300), Duration.ofSeconds(1)).build();
    }

    /**
     * The emitted trades a job could receive: the simulator starts emitting when the first split has
     * subscribed, so a split that subscribed a moment later never saw the trades before, and a first
     * start has nothing to backfill them from. Per split, the trades from the first one it received
     * on, in emission order.
     */
    private static List<Trade> sinceEachSplitSubscribed(List<Trade> emitted, List<Trade> received,
            List<AlpacaStreamSplit> splits) {
        HashSet<Trade> seen = new HashSet<>(received);
        List<Trade> expected = new ArrayList<>();
        for (AlpacaStreamSplit split : splits) {
            List<Trade> ofSplit = emitted.stream().filter(t -> split.symbols().contains(t.symbol())).toList();
            int first = 0;
            while (first < ofSplit.size() && !seen.contains(ofSplit.get(first))) {
                first++;
            }
            expected.addAll(ofSplit.subList(first, ofSplit.size()));
        }
        return expected;
    }

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(PARALLELISM);
        return env;
    }

    private static void pipeline(StreamExecutionEnvironment env, AlpacaStreamSource source, CollectingSink<Trade> sink) {
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "alpaca").uid("alpaca-source")
                .map(TradesOnly::trade).uid("trades-only")
                .sinkTo(sink).uid("collect");
    }

    private static List<Trade> emitted(SimulatorConfig config) {
        return TradeGenerator.emitted(config, (int) config.limit());
    }

    /**
     * Waits for the simulator to emit all and the job to deliver as many, or to stop delivering (trades
     * lost: the assertion then names them), then a little longer for any extra.
     */
    private static void awaitAll(AlpacaSimulator simulator, CollectingSink<Trade> sink, long count) throws Exception {
        await(() -> simulator.emittedCount() == count, "end of emission");
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        await(() -> {
            int size = sink.size();
            if (size != last[0]) {
                last[0] = size;
                since[0] = System.nanoTime();
            }
            return size >= count || System.nanoTime() - since[0] > QUIET.toNanos();
        }, count + " trades delivered");
        Thread.sleep(300);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + DEADLINE);
            }
            Thread.sleep(20);
        }
    }

    private static void assertExactlyOnce(List<Trade> received, List<Trade> expected) {
        Map<Trade, Integer> counts = new HashMap<>();
        received.forEach(trade -> counts.merge(trade, 1, Integer::sum));
        List<Trade> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        HashSet<Trade> missing = new HashSet<>(expected);
        missing.removeAll(counts.keySet());
        HashSet<Trade> unexpected = new HashSet<>(counts.keySet());
        expected.forEach(unexpected::remove);

        // counts, with a few examples: thousands of trades in a failure message would bury it
        assertThat(duplicated.size()).as("trades received more than once, such as %s", first(duplicated)).isZero();
        assertThat(missing.size()).as("trades never received, such as %s", first(missing)).isZero();
        assertThat(unexpected.size()).as("trades the simulator never sent, such as %s", first(unexpected)).isZero();
        assertThat(received).hasSameSizeAs(expected);
    }

    private static List<Trade> first(Collection<Trade> trades) {
        return trades.stream().limit(3).toList();
    }

    /** Events to trades; anything else fails the job. */
    private static final class TradesOnly {
        static Trade trade(FeedEvent event) {
            if (!event.isTrade()) {
                throw new IllegalStateException(String.valueOf(event));
            }
            return event.trade();
        }
    }
}
