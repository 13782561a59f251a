package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Corrections and cancels the tape files while the stream is cut, for trades streamed before the
 * cut, reach the job only through the tape snapshot the source re-reads after the gap. Folding what
 * the source emitted (trades added, corrections and cancels applied, each snapshot replacing its
 * window) must give the tape as the simulator's REST side holds it at the end, and without the
 * snapshot it does not.
 */
class AlpacaStreamSourceReconcileTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private static final long TRADES = 4_000;
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(1);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void amendmentsFiledWhileTheStreamWasCutReachTheJobInTheSnapshotSoTheFoldedFeedIsTheAmendedTape() throws Exception {
        Run run = cutWhileTheTapeIsAmended(AlpacaStreamSource.DEFAULT_RECONCILE_LOOKBACK);

        assertThat(run.missedAmendments()).as("amendments the stream never sent (filed while it was cut)").isPositive();
        assertThat(run.events()).filteredOn(e -> e.snapshot() != null).as("tape snapshots").isNotEmpty();
        assertThat(run.events()).filteredOn(e -> e.snapshot() != null).allSatisfy(e ->
                assertThat(e.snapshot().to() - e.snapshot().from()).isGreaterThanOrEqualTo(
                        AlpacaStreamSource.DEFAULT_RECONCILE_LOOKBACK.toNanos()));
        assertThat(fold(run.events())).as("the emitted feed, folded").containsExactlyInAnyOrderElementsOf(run.tape());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withoutTheSnapshotTheAmendmentsFiledDuringTheGapAreLost() throws Exception {
        Run run = cutWhileTheTapeIsAmended(Duration.ZERO);

        assertThat(run.missedAmendments()).isPositive();
        assertThat(run.events()).noneMatch(e -> e.snapshot() != null);
        assertThat(new HashSet<>(fold(run.events()))).as("the emitted feed, folded").isNotEqualTo(new HashSet<>(run.tape()));
    }

    /** What a run emitted, the tape at its end, and how many amendments the stream did not carry. */
    private record Run(List<FeedEvent> events, List<Trade> tape, long missedAmendments) {}

    private Run cutWhileTheTapeIsAmended(Duration lookback) throws Exception {
        // the tape amends a fifth of the trades up to 50 trades later; a cut is 300 trades or more
        SimulatorConfig config = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).seed(3).rate(1_000)
                .virtualTime(START, 1).limit(TRADES).waitForSubscriber(true).corrections(0.1).cancels(0.1).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                CuttingProxy proxy = new CuttingProxy(simulator.port())) {
            CollectingSink<FeedEvent> sink = new CollectingSink<>();
            AlpacaStreamSource source = AlpacaStreamSource.builder().url("ws://127.0.0.1:" + proxy.port() + "/v2/iex")
                    .restUrl(simulator.restUrl()).credentials("key", "secret").symbols(config.symbols())
                    .reconcileLookback(lookback).reconnectBackoff(Duration.ofMillis(300), Duration.ofSeconds(1)).build();
            Configuration conf = new Configuration();
            conf.set(PipelineOptions.GENERIC_TYPES, false);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(1);
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "alpaca").uid("alpaca-source").sinkTo(sink).uid("collect");
            JobClient job = env.executeAsync("alpaca-reconcile");
            try {
                await(() -> sink.size() >= 1_500, "the first events");
                proxy.cutAll();
                await(() -> simulator.emittedCount() == TRADES, "the end of emission");
                awaitQuiet(sink);
            } finally {
                job.cancel().get();
            }
            List<Trade> tape;
            try (AlpacaRestClient rest = AlpacaRestClient.builder().baseUrl(simulator.restUrl()).credentials("key", "secret")
                    .build()) {
                tape = rest.trades(HistoricalQuery.symbols(config.symbols()).limit(HistoricalQuery.MAX_LIMIT).build()).toList();
            }
            List<FeedEvent> events = sink.received();
            long streamed = events.stream().filter(e -> e.correction() != null || e.cancel() != null).count();
            return new Run(events, tape, simulator.corrections().size() + simulator.cancels().size() - streamed);
        }
    }

    /** The prints the feed leaves standing, as a job that takes every event would hold them. */
    private static List<Trade> fold(List<FeedEvent> events) {
        Map<String, Trade> prints = new LinkedHashMap<>();
        for (FeedEvent e : events) {
            if (e.isTrade()) {
                prints.put(key(e.trade()), e.trade());
            } else if (e.correction() != null) {
                if (prints.remove(key(e.correction().original())) != null) {
                    prints.put(key(e.correction().corrected()), e.correction().corrected());
                }
            } else if (e.cancel() != null) {
                prints.remove(e.cancel().symbol() + "|" + e.cancel().exchange() + "|" + e.cancel().id());
            } else if (e.snapshot() != null) {
                TapeSnapshot s = e.snapshot();
                prints.values().removeIf(t -> t.symbol().equals(s.symbol()) && s.covers(t.timestamp()));
                for (Trade t : s.trades()) {
                    prints.put(key(t), t);
                }
            }
        }
        return List.copyOf(prints.values());
    }

    private static String key(Trade t) {
        return t.symbol() + "|" + t.exchange() + "|" + t.id();
    }

    private static void awaitQuiet(CollectingSink<FeedEvent> sink) throws InterruptedException {
        int last = -1;
        long since = System.nanoTime();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() - since < QUIET.toNanos() && System.nanoTime() < deadline) {
            int size = sink.size();
            if (size != last) {
                last = size;
                since = System.nanoTime();
            }
            Thread.sleep(50);
        }
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
}
