package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/** The split reader against the simulator over real WebSockets, without Flink around it. */
class AlpacaStreamSplitReaderTest {
    private static final AlpacaStreamSplit SPLIT = new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT"));
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void reconnectsAndSubscribesAgainAfterTheServerRestarts() throws Exception {
        // each server generates only one of the split's symbols, so a frame tells which server sent it
        SimulatorConfig aaplOnly = SimulatorConfig.builder().symbols(List.of("AAPL")).rate(500).waitForSubscriber(true).build();
        AlpacaSimulator first = AlpacaSimulator.start(aaplOnly);
        int port = first.port();
        AlpacaStreamSplitReader reader = liveOnly(settings(first.url("iex"), "s"));
        // what the connection logs carries its id, split#n, in the log context
        StringWriter logged = new StringWriter();
        Logger log = (Logger) LogManager.getLogger(StreamConnection.class);
        WriterAppender capture = WriterAppender.newBuilder().setName("feed-connection").setTarget(logged)
                .setLayout(PatternLayout.newBuilder().withPattern("[%X{feed_connection}] %m%n").build()).build();
        capture.start();
        log.addAppender(capture);
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        try {
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
            fetchUntil(reader, live("AAPL"));
            first.close();

            SimulatorConfig msftOnly = SimulatorConfig.builder().port(port).symbols(List.of("MSFT")).rate(500)
                    .waitForSubscriber(true).build();
            try (AlpacaSimulator restarted = AlpacaSimulator.start(msftOnly)) {
                fetchUntil(reader, live("MSFT"));
                // the frame can reach us before the emitter has counted it
                assertThat(restarted.awaitEmitted(1, DEADLINE)).isTrue();
            }
            assertThat(logged.toString()).containsPattern("\\[alpaca-0#1\\] split alpaca-0: streaming trades")
                    .containsPattern("\\[alpaca-0#1\\] split alpaca-0: connection to .* lost")
                    .containsPattern("\\[alpaca-0#2\\] split alpaca-0: streaming trades");
        } finally {
            log.removeAppender(capture);
            log.setLevel(level);
            capture.stop();
            first.close();
            reader.close();
        }
    }

    @Test
    void symbolChangesReachTheLiveSocketAndEveryReconnectSubscribesTheCurrentSet() throws Exception {
        SimulatorConfig three = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT", "NVDA")).rate(600).build();
        AtomicReference<List<String>> symbols = new AtomicReference<>(List.of("AAPL"));
        Map<String, StreamConnection> connections = new ConcurrentHashMap<>();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(three);
             CuttingProxy proxy = new CuttingProxy(simulator.port())) {
            AlpacaStreamSplitReader reader = new AlpacaStreamSplitReader(
                    settings("ws://127.0.0.1:" + proxy.port() + "/v2/iex", "s"), new SplitProgress() {
                        @Override
                        public long resumeFrom(String splitId) {
                            return AlpacaSplitState.NOTHING_EMITTED;
                        }

                        @Override
                        public List<String> symbols(String splitId) {
                            return symbols.get();
                        }
                    }, metrics(), connections);
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                fetchUntil(reader, live("AAPL"));

                symbols.set(List.of("AAPL", "MSFT"));
                connections.get(SPLIT.id()).resubscribe();
                fetchUntil(reader, live("MSFT"));

                proxy.cutAll();
                long deadline = System.nanoTime() + DEADLINE.toNanos();
                while (proxy.accepted() < 2 && System.nanoTime() < deadline) {
                    reader.fetch();
                }
                assertThat(proxy.accepted()).as("connections after the cut").isGreaterThanOrEqualTo(2);
                fetchFor(reader, Duration.ofMillis(300), arrival -> true);
                fetchUntil(reader, live("MSFT"));

                symbols.set(List.of("MSFT"));
                connections.get(SPLIT.id()).resubscribe();
                fetchFor(reader, Duration.ofMillis(300), arrival -> true);
                fetchFor(reader, Duration.ofSeconds(1), arrival -> !live("AAPL").test(arrival) && !live("NVDA").test(arrival));

                int beforeEmptied = proxy.accepted();
                symbols.set(List.of());
                connections.get(SPLIT.id()).resubscribe();
                fetchFor(reader, Duration.ofMillis(300), arrival -> true);
                fetchFor(reader, Duration.ofMillis(700), arrival -> arrival.frame() == null || !arrival.frame().contains("\"T\":\"t\""));

                symbols.set(List.of("NVDA"));
                connections.get(SPLIT.id()).resubscribe();
                fetchUntil(reader, live("NVDA"));
                assertThat(proxy.accepted()).as("an emptied split disconnects; symbols added later connect it again")
                        .isEqualTo(beforeEmptied + 1);
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void aConnectionSilentPastTheDataAgeTimeoutIsOpenedAgain() throws Exception {
        // five trades, then silence: the server still answers pings, but sends nothing
        SimulatorConfig fiveTrades = SimulatorConfig.builder().symbols(List.of("AAPL")).rate(100).limit(5).waitForSubscriber(true).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(fiveTrades)) {
            AlpacaStreamSplitReader reader = liveOnly(new StreamSettings(simulator.url("iex"),
                    simulator.restUrl(), "k", "s", Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(3), Duration.ZERO));
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                fetchUntil(reader, live("AAPL"));
                long deadline = System.nanoTime() + DEADLINE.toNanos();
                while (simulator.connectionsOpened() < 2 && System.nanoTime() < deadline) {
                    reader.fetch();
                }
                assertThat(simulator.connectionsOpened()).as("connections after a silence").isGreaterThanOrEqualTo(2);
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void refusedCredentialsFailTheFetchNamingTheCode() throws Exception {
        SimulatorConfig keyed = SimulatorConfig.builder().credentials("k", "right").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(keyed)) {
            AlpacaStreamSplitReader reader = liveOnly(settings(simulator.url("iex"), "wrong-secret"));
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                assertThatThrownBy(() -> fetchUntil(reader, arrival -> false))
                        .isInstanceOfSatisfying(AlpacaStreamException.class, e -> assertThat(e.code()).isEqualTo(402))
                        .hasMessageContaining("error 402 (auth failed)")
                        .hasMessageContaining("alpaca-0")
                        .hasMessageNotContaining("wrong-secret");
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void aSplitThatEmittedBeforeGetsTheTradesSinceItsPositionFromRestBeforeTheLiveFrames() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        SimulatorConfig running = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).rate(500)
                .virtualTime(start, 1).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(running)) {
            assertThat(simulator.awaitEmitted(100, DEADLINE)).isTrue();
            AlpacaStreamSplitReader reader = new AlpacaStreamSplitReader(
                    new StreamSettings(simulator.url("iex"), simulator.restUrl(), "k", "s", Duration.ofMillis(50),
                            Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(3), Duration.ZERO),
                    progress(start), metrics(), new ConcurrentHashMap<>());
            List<Arrival> arrivals = new ArrayList<>();
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                fetchUntil(reader, arrival -> arrivals.add(arrival) && arrival.frame() != null);
            } finally {
                reader.close();
            }
            assertThat(arrivals.get(0).backfilled()).as("the first arrival, a backfill")
                    .isNotNull()
                    .first().satisfies(trade -> assertThat(trade.timestamp()).isEqualTo(start));
            long backfilled = arrivals.stream().filter(a -> a.backfilled() != null).mapToLong(a -> a.backfilled().size()).sum();
            assertThat(backfilled).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void aGapLongerThanTheThresholdIsCaughtUpOverRestBeforeTheSubscriptionInTimeOrder() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        BackfillMetrics metrics = metrics();
        List<Arrival> arrivals = arrivalsAfterASixSecondGap(start, Duration.ofDays(3), metrics);
        List<Arrival> caughtUp = arrivals.stream().takeWhile(Arrival::catchUp).toList();
        assertThat(caughtUp).as("the arrivals start with the catch-up").isNotEmpty();
        assertThat(arrivals.subList(caughtUp.size(), arrivals.size())).as("no catch-up after the subscription")
                .noneMatch(Arrival::catchUp);
        List<Long> times = caughtUp.stream().flatMap(a -> a.backfilled().stream()).map(trade -> trade.timestamp()).toList();
        assertThat(times.get(0)).isEqualTo(start);
        assertThat(times).as("merged in time order across the symbols").isSorted();
        assertThat(times.get(times.size() - 1) - start).as("caught up to within the threshold of the 6 s present")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(metrics.skippedGaps().getCount()).isZero();
    }

    @Test
    void aGapOlderThanTheBackfillLimitIsBackfilledFromTheLimitOnAndTheSkippedPartCounted() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        BackfillMetrics metrics = metrics();
        List<Arrival> arrivals = arrivalsAfterASixSecondGap(start, Duration.ofSeconds(2), metrics);
        long earliest = arrivals.stream().filter(a -> a.backfilled() != null).flatMap(a -> a.backfilled().stream())
                .mapToLong(trade -> trade.timestamp()).min().orElseThrow();
        // the present was at least 6 s past the start when measured: nothing before 6 - 2 s is fetched
        assertThat(earliest - start).isGreaterThanOrEqualTo(Duration.ofSeconds(4).toNanos());
        assertThat(metrics.skippedGaps().getCount()).as("skipped gaps").isEqualTo(1);
        assertThat(metrics.skippedSeconds().getCount()).as("skipped seconds").isGreaterThanOrEqualTo(3);
    }

    /**
     * What a reader resuming from {@code start} hands over up to its first live frame, after the
     * simulator emitted 3,000 trades at 500 a second of virtual time since then: a 6 s gap against a 1 s
     * catch-up threshold.
     */
    private static List<Arrival> arrivalsAfterASixSecondGap(long start, Duration maxBackfill, BackfillMetrics metrics)
            throws Exception {
        SimulatorConfig running = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).rate(500)
                .virtualTime(start, 1).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(running)) {
            assertThat(simulator.awaitEmitted(3_000, DEADLINE)).isTrue();
            AlpacaStreamSplitReader reader = new AlpacaStreamSplitReader(gapSettings(simulator, maxBackfill),
                    progress(start), metrics, new ConcurrentHashMap<>());
            List<Arrival> arrivals = new ArrayList<>();
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                fetchUntil(reader, arrival -> arrivals.add(arrival) && arrival.frame() != null);
            } finally {
                reader.close();
            }
            return arrivals;
        }
    }

    /** Backfills over the simulator's REST side, catching up gaps longer than 1 s. */
    private static StreamSettings gapSettings(AlpacaSimulator simulator, Duration maxBackfill) {
        return new StreamSettings(simulator.url("iex"), simulator.restUrl(), "k", "s", Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(1), maxBackfill,
                Duration.ZERO);
    }

    private static BackfillMetrics metrics() {
        return new BackfillMetrics(new SimpleCounter(), new SimpleCounter(), new SimpleCounter());
    }

    @Test
    void aFailedBackfillIsCountedAndTheStreamGoesOnLive() throws Exception {
        try (AlpacaSimulator simulator = AlpacaSimulator.start(SimulatorConfig.builder().rate(200).build())) {
            SimpleCounter failures = new SimpleCounter();
            // nothing listens on port 1: every request fails, the retries run out, the circuit stays shut
            AlpacaStreamSplitReader reader = new AlpacaStreamSplitReader(
                    new StreamSettings(simulator.url("iex"), "http://127.0.0.1:1", "k", "s", Duration.ofMillis(50),
                            Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(3), Duration.ZERO),
                    progress(0L), new BackfillMetrics(failures, new SimpleCounter(), new SimpleCounter()), new ConcurrentHashMap<>());
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                fetchUntil(reader, live("AAPL"));
                assertThat(failures.getCount()).isEqualTo(1);
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void eachSplitReportsItsConnectionAndItsRestCircuitEveryFewSeconds() throws Exception {
        try (AlpacaSimulator simulator = AlpacaSimulator.start(SimulatorConfig.builder().rate(50).build())) {
            AlpacaStreamSplitReader reader = liveOnly(settings(simulator.url("iex"), "s"));
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                AtomicReference<FeedStatus> report = new AtomicReference<>();
                fetchUntil(reader, arrival -> {
                    if (arrival.status() != null && arrival.status().connected()) {
                        report.set(arrival.status());
                        return true;
                    }
                    return false;
                });
                assertThat(report.get().split()).isEqualTo(SPLIT.id());
                assertThat(report.get().restCircuit()).isEqualTo("closed");
                assertThat(report.get().symbols()).isEqualTo(SPLIT.symbols().size());
                assertThat(report.get().lastMessageNanos()).isPositive().isLessThanOrEqualTo(report.get().reportedNanos());
            } finally {
                reader.close();
            }
        }
    }

    private static StreamSettings settings(String url, String secret) {
        return new StreamSettings(url, "http://127.0.0.1:1", "k", secret, Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(3), Duration.ZERO);
    }

    /** A reader whose splits never emitted anything, so it never backfills. */
    private static AlpacaStreamSplitReader liveOnly(StreamSettings settings) {
        return new AlpacaStreamSplitReader(settings, progress(AlpacaSplitState.NOTHING_EMITTED), metrics(),
                new ConcurrentHashMap<>());
    }

    /** The test's one split, resuming from {@code from}, with its symbols as built. */
    private static SplitProgress progress(long from) {
        return new SplitProgress() {
            @Override
            public long resumeFrom(String splitId) {
                return from;
            }

            @Override
            public List<String> symbols(String splitId) {
                return SPLIT.symbols();
            }
        };
    }

    /** A live frame with a trade of {@code symbol}. */
    private static Predicate<Arrival> live(String symbol) {
        return arrival -> arrival.frame() != null && arrival.frame().contains("\"S\":\"" + symbol + "\"");
    }

    /** Does the emitter's part for a barrier (there is no emitter here): whether the arrival was one. */
    private static boolean passedBarrier(Arrival arrival) {
        if (arrival.barrier() == null) {
            return false;
        }
        arrival.barrier().countDown();
        return true;
    }

    /** Fetches for {@code time}; every arrival must satisfy {@code allowed}. */
    private static void fetchFor(AlpacaStreamSplitReader reader, Duration time, Predicate<Arrival> allowed) throws IOException {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            RecordsWithSplitIds<Arrival> records = reader.fetch();
            for (String split = records.nextSplit(); split != null; split = records.nextSplit()) {
                for (Arrival arrival = records.nextRecordFromSplit(); arrival != null; arrival = records.nextRecordFromSplit()) {
                    if (passedBarrier(arrival)) {
                        continue;
                    }
                    assertThat(allowed.test(arrival)).as("arrival %s", arrival.frame()).isTrue();
                }
            }
        }
    }

    /** Fetches until an arrival matches; every arrival must belong to the split. */
    private static void fetchUntil(AlpacaStreamSplitReader reader, Predicate<Arrival> wanted) throws IOException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            RecordsWithSplitIds<Arrival> records = reader.fetch();
            for (String split = records.nextSplit(); split != null; split = records.nextSplit()) {
                assertThat(split).isEqualTo(SPLIT.id());
                for (Arrival arrival = records.nextRecordFromSplit(); arrival != null; arrival = records.nextRecordFromSplit()) {
                    if (passedBarrier(arrival)) {
                        continue;
                    }
                    if (wanted.test(arrival)) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no wanted frame within " + DEADLINE);
    }
}
