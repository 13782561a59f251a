package io.jonbu.ohlcv.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.feed.LineFeed;
import io.jonbu.ohlcv.job.indicator.IndicatorSet;
import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.job.testing.ChangedJobJar;
import io.jonbu.ohlcv.job.testing.CollectingSink;
import io.jonbu.ohlcv.job.testing.CollectingSinks;
import io.jonbu.ohlcv.job.testing.CountPerKey;
import io.jonbu.ohlcv.job.testing.RandomTrades;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's upgrade procedure on a real job: run it, stop it with a savepoint while candles are
 * open, start a changed version from that savepoint (a jar with an added indicator in the enrichment
 * state, and an added stateful operator with its own uid), and get what one uninterrupted run gets. The feed is a watched directory of recorded lines: its FileSource keeps the
 * files it has read and its offset in the savepoint, so the second run reads exactly what the first
 * had not.
 */
class SavepointUpgradeTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "SPY");
    private static final CandleJobConfig CONFIG = CandleJobConfig.defaults()
            // the split-less source subtask must not hold the watermark back while the job runs
            .withIdleTimeout(Duration.ofSeconds(1));
    private static final String ADDED_INDICATOR = "ema50";
    private static final String END_OF_PART_ONE = "{end of part one";
    private static final String END_OF_PART_TWO = "{end of part two";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // not a speed check: the waits for the feed's sentinels end here if one never comes
    void aChangedJobStartedFromAStopWithSavepointContinuesAsOneUninterruptedRun(@InjectClusterClient ClusterClient<?> client,
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        // 12k trades 1.2 s apart, shuffled by up to 1.5 s (within the 2 s out-of-orderness): four hours
        // of a regular session; the stop comes 210.5 minutes in, after the 1m SMA(200) has warmed up
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        List<Trade> trades = RandomTrades.generate(5, 12_000, SYMBOLS, start, 1_200_000_000L, 1_500_000_000L);
        int stopAt = 10_525;
        List<Trade> partOne = trades.subList(0, stopAt);
        List<Trade> partTwo = trades.subList(stopAt, trades.size());
        List<String> linesOne = withSentinel(RandomTrades.frames(partOne, 25), END_OF_PART_ONE);
        List<String> linesTwo = withSentinel(RandomTrades.frames(partTwo, 25), END_OF_PART_TWO);

        CollectingSinks uninterrupted = runUninterrupted(linesOne, linesTwo);

        Path feed = Files.createDirectory(dir.resolve("feed"));
        Files.write(feed.resolve("part-1.ndjson"), linesOne);
        CollectingSinks first = new CollectingSinks();
        JobID v1 = client.submitJob(jobGraph(feed, first, null)).get();
        long lastWatermarkOfPartOne = EpochNanos.toMillis(partOne.stream().mapToLong(Trade::timestamp).max().orElseThrow())
                - CONFIG.outOfOrderness().toMillis() - 1;
        List<Candle> closedBeforeTheStop = CandleOracle.candles(partOne, List.of(Timeframe.values())).stream()
                .filter(c -> EpochNanos.toMillis(c.end()) - 1 <= lastWatermarkOfPartOne).toList();
        // everything of part one read, and its last watermark through the candle operator: nothing
        // that part one alone can close is still to come, so the stop cannot race an emission
        awaitWhileRunning(client, v1, () -> sawSentinel(first, END_OF_PART_ONE)
                && first.candles.received().size() >= closedBeforeTheStop.size());
        // a savepoint needs every task running, and a task may still be starting after the source finished its part
        CommonTestUtils.waitForAllTaskRunning(cluster, v1, false);
        String savepoint = client.stopWithSavepoint(v1, false, dir.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();

        Files.write(feed.resolve("part-2.ndjson"), linesTwo);
        UpgradedSinks second = new UpgradedSinks();
        JobGraph next = jobGraph(feed, second, savepoint);
        next.addJar(new org.apache.flink.core.fs.Path(withAnAddedIndicator().toUri()));
        JobID v2 = client.submitJob(next).get();
        awaitWhileRunning(client, v2, () -> sawSentinel(second, END_OF_PART_TWO));
        CommonTestUtils.waitForAllTaskRunning(cluster, v2, false);
        // draining ends event time, as the end of a bounded feed does in the uninterrupted run
        String after = client.stopWithSavepoint(v2, true, dir.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        assertThat(mentions(savepoint, ADDED_INDICATOR)).as("the first version's state has no %s", ADDED_INDICATOR).isFalse();
        assertThat(mentions(after, ADDED_INDICATOR)).as("the second version's state schema has %s", ADDED_INDICATOR).isTrue();

        List<Candle> oracle = sorted(CandleOracle.candles(trades, List.of(Timeframe.values())), SavepointUpgradeTest::candleKey);
        assertThat(first.candles.received()).as("the first run closes what part one closes, and nothing open at the stop")
                .extracting(SavepointUpgradeTest::candleKey).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(closedBeforeTheStop.stream().map(SavepointUpgradeTest::candleKey).toList());
        List<Candle> bothRuns = new ArrayList<>(first.candles.received());
        bothRuns.addAll(second.candles.received());
        assertThat(sorted(bothRuns, SavepointUpgradeTest::candleKey)).as("candles of both runs, no gap, no duplicate")
                .isEqualTo(sorted(uninterrupted.candles.received(), SavepointUpgradeTest::candleKey))
                .hasSameSizeAs(oracle)
                .zipSatisfy(oracle, (have, want) -> assertThat(CandleOracle.sameCandle(have, want)).as("%s vs %s", have, want).isTrue());

        List<Candle> spanning = spanningTheStop(oracle, partOne, partTwo);
        assertThat(spanning).as("a 1m candle of every symbol is open across the stop").hasSize(SYMBOLS.size());
        Map<String, Candle> secondRun = second.candles.received().stream().collect(Collectors.toMap(SavepointUpgradeTest::candleKey, c -> c));
        for (Candle open : spanning) {
            long partTwoVolume = partTwo.stream().filter(t -> t.symbol().equals(open.symbol())
                    && Timeframe.M1.start(t.timestamp()) == open.start()).mapToLong(Trade::size).sum();
            assertThat(secondRun.get(candleKey(open))).as("the open candle, closed by the second run with part one's trades")
                    .isNotNull().satisfies(c -> assertThat(c.volume()).isEqualTo(open.volume()).isGreaterThan(partTwoVolume));
        }

        List<EnrichedCandle> enriched = new ArrayList<>(first.enriched.received());
        enriched.addAll(second.enriched.received());
        assertThat(sorted(enriched, SavepointUpgradeTest::enrichedKey)).as("enriched candles of both runs")
                .isEqualTo(sorted(uninterrupted.enriched.received(), SavepointUpgradeTest::enrichedKey));
        for (String symbol : SYMBOLS) {
            EnrichedCandle firstAfterRestore = second.enriched.received().stream()
                    .filter(e -> e.ohlcv().symbol().equals(symbol) && e.ohlcv().timeframe() == Timeframe.M1)
                    .min(Comparator.comparingLong(e -> e.ohlcv().start())).orElseThrow();
            assertThat(IndicatorKey.values()).as("%s: every indicator warm on the first 1m candle after the restore", symbol)
                    .allSatisfy(key -> assertThat(firstAfterRestore.indicator(key)).as("%s", key).isNotNaN());
        }
        assertThat(second.enrichedPerSeries.received()).as("the added operator starts empty, counting the second run's candles")
                .hasSize(second.enriched.received().size())
                .filteredOn(n -> n.count() == 1).extracting(CountPerKey.Count::key).doesNotHaveDuplicates()
                .hasSameSizeAs(second.enriched.received().stream().map(SavepointUpgradeTest::series).distinct().toList());
    }

    /**
     * The job with one more indicator in the enrichment state: a new field of the IndicatorSet POJO,
     * fed every candle. Flink's POJO schema evolution restores the old fields and leaves the new one
     * as the no-argument constructor built it (a fresh EMA that warms up from the restore on); had it
     * come back null, feeding it would fail the job.
     */
    private Path withAnAddedIndicator() throws Exception {
        String field = "    public Sma volumeSma20 = new Sma(20);\n";
        String feed = "        out[IndicatorKey.VOLUME_SMA_20.ordinal()] = volumeSma20.update(volume);\n";
        return ChangedJobJar.build(Files.createDirectory(dir.resolve("next")), IndicatorSet.class, source -> {
            assertThat(source).contains(field, feed);
            return source.replace(field, field + "    public Ema " + ADDED_INDICATOR + " = new Ema(50);\n")
                    .replace(feed, feed + "        " + ADDED_INDICATOR + ".update(close);\n");
        }, List.of(Candle.class));
    }

    /** Whether any file of a savepoint holds the name, as a POJO serializer snapshot holds its field names. */
    private static boolean mentions(String savepoint, String name) throws Exception {
        byte[] needle = name.getBytes(StandardCharsets.UTF_8);
        try (var files = Files.walk(Path.of(URI.create(savepoint)))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private CollectingSinks runUninterrupted(List<String> linesOne, List<String> linesTwo) throws Exception {
        Path file = dir.resolve("whole.ndjson");
        Files.write(file, linesOne);
        Files.write(file, linesTwo, StandardOpenOption.APPEND);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSinks sinks = new CollectingSinks();
        new CandleJob(new LineFeed(FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(file.toUri())).build(), "file"), sinks, CONFIG).addTo(env);
        env.execute("uninterrupted");
        return sinks;
    }

    /** The job on a watched directory, restored from {@code savepoint} unless it is null. */
    private static JobGraph jobGraph(Path feed, CollectingSinks sinks, String savepoint) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        FileSource<String> watched = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new org.apache.flink.core.fs.Path(feed.toUri()))
                .monitorContinuously(Duration.ofMillis(100)).build();
        new CandleJob(new LineFeed(watched, "file"), sinks, CONFIG).addTo(env);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        }
        return graph;
    }

    private static void awaitWhileRunning(ClusterClient<?> client, JobID job, Supplier<Boolean> done) throws Exception {
        while (!done.get()) {
            JobStatus status = client.getJobStatus(job).get();
            assertThat(status.isGloballyTerminalState()).as("job %s ended before it got there: %s", job, status).isFalse();
            Thread.sleep(50);
        }
    }

    private static List<String> withSentinel(List<String> lines, String sentinel) {
        List<String> all = new ArrayList<>(lines);
        all.add(sentinel);
        return all;
    }

    private static boolean sawSentinel(CollectingSinks sinks, String sentinel) {
        return sinks.deadLetters.received().stream().map(DeadLetter::raw).anyMatch(sentinel::equals);
    }

    /** Per symbol, the 1m candle holding trades of both parts. */
    private static List<Candle> spanningTheStop(List<Candle> candles, List<Trade> partOne, List<Trade> partTwo) {
        return candles.stream().filter(c -> c.timeframe() == Timeframe.M1
                && partOne.stream().anyMatch(t -> in(c, t)) && partTwo.stream().anyMatch(t -> in(c, t))).toList();
    }

    private static boolean in(Candle c, Trade t) {
        return t.symbol().equals(c.symbol()) && Timeframe.M1.start(t.timestamp()) == c.start();
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }

    private static String series(EnrichedCandle e) {
        return e.ohlcv().symbol() + "/" + e.ohlcv().timeframe().label();
    }

    private static String candleKey(Candle c) {
        return c.symbol() + "/" + c.timeframe().label() + " " + c.start();
    }

    private static String enrichedKey(EnrichedCandle e) {
        return candleKey(e.ohlcv());
    }

    /** Version two of the job: the same pipeline, and a new stateful operator after the enrichment. */
    private static final class UpgradedSinks extends CollectingSinks {
        final CollectingSink<CountPerKey.Count> enrichedPerSeries = new CollectingSink<>();

        @Override
        public void enrichedCandles(DataStream<EnrichedCandle> stream) {
            super.enrichedCandles(stream);
            stream.keyBy(SavepointUpgradeTest::series)
                    .process(new CountPerKey<EnrichedCandle>())
                    .uid("enriched-per-series")
                    .name("enriched candles per series")
                    .sinkTo(enrichedPerSeries).uid("test-enriched-per-series");
        }
    }
}
