package io.jonbu.ohlcv.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.feed.LineFeed;
import io.jonbu.ohlcv.job.feed.LiveFeed;
import io.jonbu.ohlcv.job.feed.TradeFeed;
import io.jonbu.ohlcv.job.indicator.IndicatorSet;
import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.job.testing.CollectingSinks;
import io.jonbu.ohlcv.job.testing.RandomTape;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.sink.KafkaSinks;
import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.job.sink.PostgresSinks;
import io.jonbu.ohlcv.job.testing.RandomTrades;
import io.jonbu.ohlcv.job.testing.StableUids;
import io.jonbu.ohlcv.job.testing.TapeRevisions;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CandleJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "SPY", "TSLA");

    @TempDir
    Path dir;

    private static FileSource<String> lines(Path file) {
        return FileSource.forRecordStreamFormat(new TextLineInputFormat(), new org.apache.flink.core.fs.Path(file.toUri())).build();
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void candlesOfEveryTimeframeEqualAnIndependentOracle(RuntimeExecutionMode mode) throws Exception {
        // 20k trades, 0.6 s apart: 3.3 hours across the 2024 spring DST change, shuffled by up to 1.5 s
        List<Trade> trades = RandomTrades.generate(7, 20_000, SYMBOLS, EpochNanos.parse("2024-03-10T05:30:00Z"),
                600_000_000L, 1_500_000_000L);
        Path file = dir.resolve("trades.ndjson");
        RandomTrades.writeFrames(file, trades, 50, List.of("{not json", "[{\"T\":\"t\",\"S\":\"AAPL\"}]"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        CollectingSinks sinks = new CollectingSinks();
        new CandleJob(new LineFeed(lines(file), "file"), sinks, CandleJobConfig.defaults()).addTo(env);
        env.execute("candles " + mode);

        List<Candle> sortedExpected = assertEqualToTheOracle(sinks, trades);
        assertThat(sinks.lateTrades.received()).isEmpty();
        assertThat(sinks.deadLetters.received()).hasSize(2);
        assertEnrichedInOrderWithTheIndicatorsOfTheOracleCandles(sinks.enriched.received(), sortedExpected);
        assertChartPatternsEndOnEnrichedCandlesOnce(sinks.chartPatterns.received(), sinks.enriched.received());
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void correctionsAndCancelsLeaveTheCandlesOfTheCorrectedTape(RuntimeExecutionMode mode) throws Exception {
        List<Trade> trades = RandomTrades.generate(11, 6_000, SYMBOLS, EpochNanos.parse("2024-03-08T14:30:00Z"),
                600_000_000L, 1_500_000_000L);
        RandomTape.Feed feed = RandomTape.of(12, trades, 20, 0.6);
        Trade someTrade = trades.get(100);
        String unknown = TapeRevisions.message(new TradeCancel(someTrade.symbol(), someTrade.timestamp(), someTrade.exchange(),
                someTrade.tape(), 987_654_321L, 1, 1, TradeCancel.CANCEL));
        List<String> lines = new ArrayList<>(feed.lines());
        lines.add(lines.size() / 2, unknown);
        Path file = dir.resolve("tape.ndjson");
        Files.write(file, lines);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        CollectingSinks sinks = new CollectingSinks();
        new CandleJob(new LineFeed(lines(file), "file"), sinks, CandleJobConfig.defaults()).addTo(env);
        env.execute("corrections " + mode);

        long revisions = feed.events().stream().filter(e -> !e.isTrade()).count();
        assertThat(revisions).as("the random tape revises trades").isGreaterThan(100);
        assertThat(sinks.corrections.received()).hasSize((int) revisions + 1)
                .filteredOn(o -> !o.applied()).singleElement().extracting(o -> o.cancel().id()).isEqualTo(987_654_321L);

        List<Candle> expected = CandleOracle.candles(CandleOracle.tape(feed.events()), List.of(Timeframe.values()));
        Map<String, Candle> newest = new TreeMap<>();
        for (Candle c : sinks.candles.received()) {
            newest.merge(c.symbol() + " " + c.timeframe() + " " + c.start(), c, (a, b) -> b.revision() > a.revision() ? b : a);
        }
        assertThat(newest).hasSize(expected.size());
        for (Candle want : expected) {
            Candle have = newest.get(want.symbol() + " " + want.timeframe() + " " + want.start());
            assertThat(have).as("candle of %s", want).isNotNull();
            assertThat(CandleOracle.sameCandle(have, want)).as("%s vs %s", have, want).isTrue();
        }
        Map<String, List<Integer>> revisionsByCandle = sinks.candles.received().stream().collect(Collectors.groupingBy(
                c -> c.symbol() + " " + c.timeframe() + " " + c.start(), Collectors.mapping(Candle::revision, Collectors.toList())));
        assertThat(revisionsByCandle.values()).as("each candle's revisions count up from 0, none twice")
                .allSatisfy(r -> assertThat(r).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, r.size()).boxed().toList()));
        // whether a correction lands before or after its candle went final depends on when the periodic
        // watermark fired, so revisions after final are asserted in CandleAggregatorTest, not here
        assertThat(sinks.enriched.received()).as("each candle enriched once").hasSize(expected.size());
    }

    @Test
    void withoutEnrichmentTheJobBuildsTheSameCandlesAndNothingElse() throws Exception {
        List<Trade> trades = RandomTrades.generate(5, 4_000, SYMBOLS, EpochNanos.parse("2024-03-08T20:30:00Z"),
                600_000_000L, 1_500_000_000L);
        Path file = dir.resolve("trades.ndjson");
        RandomTrades.writeFrames(file, trades, 50, List.of());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSinks sinks = new CollectingSinks();
        new CandleJob(new LineFeed(lines(file), "file"), sinks, CandleJobConfig.defaults().withEnrichment(false)).addTo(env);
        assertThat(env.getStreamGraph(false).getStreamNodes()).extracting(StreamNode::getOperatorName)
                .doesNotContain("indicators and patterns");
        env.execute("candles only");

        assertEqualToTheOracle(sinks, trades);
        assertThat(sinks.enriched.received()).isEmpty();
        assertThat(sinks.chartPatterns.received()).isEmpty();
    }

    /** The job's candles, one by one, equal the oracle's of the trades; returns the oracle's, sorted by series and start. */
    private static List<Candle> assertEqualToTheOracle(CollectingSinks sinks, List<Trade> trades) {
        List<Candle> expected = CandleOracle.candles(trades, List.of(Timeframe.values()));
        List<Candle> actual = sinks.candles.received();
        assertThat(actual).as("candles (and, for diagnosis: %d late trades, %d dead letters, %d enriched candles)",
                sinks.lateTrades.received().size(), sinks.deadLetters.received().size(), sinks.enriched.received().size())
                .hasSameSizeAs(expected);
        Comparator<Candle> byKey = Comparator.comparing(Candle::symbol).thenComparing(Candle::timeframe).thenComparingLong(Candle::start);
        List<Candle> sortedActual = actual.stream().sorted(byKey).toList();
        List<Candle> sortedExpected = expected.stream().sorted(byKey).toList();
        for (int i = 0; i < sortedExpected.size(); i++) {
            assertThat(CandleOracle.sameCandle(sortedActual.get(i), sortedExpected.get(i)))
                    .as("%s vs %s", sortedActual.get(i), sortedExpected.get(i)).isTrue();
        }
        return sortedExpected;
    }

    /** The wiring: patterns are found (random prices make reversals), each ending on a candle of its series, once. */
    private static void assertChartPatternsEndOnEnrichedCandlesOnce(List<ChartPatternEvent> patterns, List<EnrichedCandle> enriched) {
        Set<String> candleEnds = enriched.stream().map(e -> series(e.ohlcv()) + " " + e.ohlcv().end()).collect(Collectors.toSet());
        assertThat(patterns).extracting(ChartPatternEvent::pattern).contains("bearish_reversal", "bullish_reversal");
        assertThat(patterns).allSatisfy(p -> assertThat(candleEnds).contains(p.symbol() + "/" + p.timeframe() + " " + p.end()));
        assertThat(patterns).extracting(p -> p.symbol() + "/" + p.timeframe() + " " + p.pattern() + " " + p.end()).doesNotHaveDuplicates();
    }

    /** Each series arrives in candle order, its indicators those of an IndicatorSet fed the oracle's candles. */
    private static void assertEnrichedInOrderWithTheIndicatorsOfTheOracleCandles(List<EnrichedCandle> enriched, List<Candle> expected) {
        assertThat(enriched).hasSameSizeAs(expected);
        Map<String, List<EnrichedCandle>> arrived = enriched.stream()
                .collect(Collectors.groupingBy(e -> series(e.ohlcv()), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Candle>> oracle = expected.stream()
                .collect(Collectors.groupingBy(CandleJobTest::series, LinkedHashMap::new, Collectors.toList()));
        assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(oracle.keySet());
        oracle.forEach((series, candles) -> {
            IndicatorSet indicators = new IndicatorSet();
            double[] values = new double[IndicatorKey.COUNT];
            List<EnrichedCandle> got = arrived.get(series);
            for (int i = 0; i < candles.size(); i++) {
                indicators.update(candles.get(i), values);
                assertThat(got.get(i).ohlcv().start()).as("%s candle %d in order", series, i).isEqualTo(candles.get(i).start());
                for (IndicatorKey key : IndicatorKey.values()) {
                    double want = values[key.ordinal()];
                    double have = got.get(i).indicator(key);
                    assertThat(Double.isNaN(have)).as("%s %s %d warm-up", series, key, i).isEqualTo(Double.isNaN(want));
                    if (!Double.isNaN(want)) {
                        // the job's VWAP sums differ from the oracle's in the last bits; everything else is exact
                        assertThat(have).as("%s %s %d", series, key, i).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(want))));
                    }
                }
            }
        });
    }

    private static String series(Candle c) {
        return c.symbol() + "/" + c.timeframe();
    }

    @Test
    void sinksThatKeepNoEnrichedCandlesNorChartPatternsSpareTheJobBuildingThem() {
        List<String> operators = new ArrayList<>();
        for (boolean keeps : List.of(true, false)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            new CandleJob(new LineFeed(lines(dir.resolve("none")), "file"), new CollectingSinks(keeps), CandleJobConfig.defaults()).addTo(env);
            operators.add(env.getStreamGraph().getStreamNodes().stream().map(StreamNode::getOperatorName).sorted().toList().toString());
        }
        assertThat(operators.get(0)).contains("candles [", "indicators and patterns", "chart pattern");
        assertThat(operators.get(1)).contains("candles [").doesNotContain("final candles", "indicators and patterns", "chart pattern");
    }

    /** The job as each entry point wires it: tests, and production's live feed into PostgreSQL, and into Kafka too. */
    static Stream<Arguments> wirings() {
        AlpacaStreamSource live = AlpacaStreamSource.builder().url("ws://127.0.0.1:1/v2/iex").credentials("key", "secret")
                .symbols(SYMBOLS).build();
        PostgresSinks postgres = new PostgresSinks(new PostgresConnection("jdbc:postgresql://127.0.0.1:1/jonbu", "jonbu", null));
        return Stream.of(
                Arguments.of("file feed, collecting sinks", new LineFeed(lines(Path.of("none")), "file"), new CollectingSinks(),
                        List.of("feed-decoder", "test-candles")),
                Arguments.of("live feed, PostgreSQL", new LiveFeed(live, "alpaca", live.splitCount()), postgres,
                        List.of("candles-postgres", "feed-status-postgres")),
                Arguments.of("live feed, Kafka and PostgreSQL", new LiveFeed(live, "alpaca", live.splitCount()),
                        new KafkaSinks(postgres, KafkaSettings.of("127.0.0.1:1")), List.of("candles-postgres", "candles-kafka", "quotes-kafka")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wirings")
    void everyOperatorHasAStableUid(String wiring, TradeFeed feed, CandleSinks sinks, List<String> someOfItsUids) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new CandleJob(feed, sinks, CandleJobConfig.defaults()).addTo(env);
        StreamGraph graph = env.getStreamGraph();
        assertThat(graph.getStreamNodes()).extracting(StreamNode::getTransformationUID).as("the wiring's operators")
                .contains(someOfItsUids.toArray(String[]::new));
        assertThat(StableUids.missing(graph)).as("operators without a uid").isEmpty();
    }
}
