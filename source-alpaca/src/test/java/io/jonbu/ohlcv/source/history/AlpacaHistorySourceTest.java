package io.jonbu.ohlcv.source.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bounded source in a real Flink batch job at parallelism 2, against the simulator's REST history. */
class AlpacaHistorySourceTest {
    private static final long START = EpochNanos.parse("2024-03-08T20:00:00Z");
    private static final int EMITTED = 3_000;
    /** 36 virtual seconds between trades: 3,000 trades span 30 hours, across two New York midnights' worth of days. */
    private static final SimulatorConfig CONFIG = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT", "NVDA"))
            .rate(20_000).virtualTime(START, 720_000).limit(EMITTED).credentials("key-id", "secret-key").build();
    private static final Comparator<Trade> BY_SYMBOL_TIME_ID = Comparator.comparing(Trade::symbol)
            .thenComparingLong(Trade::timestamp).thenComparingLong(Trade::id);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static AlpacaSimulator simulator;
    private static List<Trade> emitted;

    @BeforeAll
    static void emit() throws InterruptedException {
        simulator = AlpacaSimulator.start(CONFIG);
        assertThat(simulator.awaitEmitted(EMITTED, Duration.ofSeconds(10))).isTrue();
        emitted = TradeGenerator.emitted(CONFIG, EMITTED);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBatchJobReadsExactlyTheTradesOfTheRange() throws Exception {
        long from = START + Duration.ofHours(1).toNanos() + 123;
        long to = START + Duration.ofHours(27).toNanos();
        AlpacaHistorySource source = source().range(from, to).build();
        assertThat(source.slices()).as("3 symbols x the New York days of the range").hasSize(6);

        List<Trade> read = new ArrayList<>();
        StreamExecutionEnvironment env = batchEnvironment();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "alpaca history")
                .map(FeedEvent::trade)
                .executeAndCollect("alpaca-history-test").forEachRemaining(read::add);

        List<Trade> expected = emitted.stream().filter(t -> t.timestamp() >= from && t.timestamp() < to).sorted(BY_SYMBOL_TIME_ID).toList();
        assertThat(expected).hasSizeGreaterThan(2_000);
        assertThat(read.stream().sorted(BY_SYMBOL_TIME_ID).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void slicesFollowNewYorkDaysDayMajor() {
        long from = START;
        long to = START + Duration.ofHours(30).toNanos();
        List<HistorySplit> slices = source().symbols(List.of("MSFT", "AAPL", "MSFT")).range(from, to).build().slices();

        long midnight = Timeframe.D1.end(Timeframe.D1.start(from));
        assertThat(slices).containsExactly(
                new HistorySplit("MSFT", from, midnight, 0),
                new HistorySplit("AAPL", from, midnight, 0),
                new HistorySplit("MSFT", midnight, to, 0),
                new HistorySplit("AAPL", midnight, to, 0));
    }

    @Test
    void aRestoredSliceResumesAfterTheTradesItHadEmitted() {
        HistorySplit slice = new HistorySplit("AAPL", START, START + Duration.ofHours(30).toNanos(), 0);
        List<Trade> whole = readAll(slice);
        List<Trade> rest = readAll(slice.emitted(250));

        assertThat(whole).hasSizeGreaterThan(500);
        assertThat(rest).containsExactlyElementsOf(whole.subList(250, whole.size()));
    }

    @Test
    void serializersRoundTrip() throws Exception {
        HistorySplit split = new HistorySplit("BRK.B", START, START + 1_000, 42);
        HistorySplitSerializer splits = new HistorySplitSerializer();
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split))).isEqualTo(split);
        assertThat(split.splitId()).isEqualTo("BRK.B@2024-03-08T20:00:00Z");

        HistoryEnumeratorState state = new HistoryEnumeratorState(List.of(split, split.emitted(0)));
        HistoryEnumeratorStateSerializer states = new HistoryEnumeratorStateSerializer();
        assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> AlpacaHistorySource.builder().symbols(List.of("AAPL")).range(1, 2).build())
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> source().symbols(List.of()).range(1, 2).build()).hasMessageContaining("symbols");
        assertThatThrownBy(() -> source().range(2, 2).build()).hasMessageContaining("range");
        assertThatThrownBy(() -> source().restUrl("ftp:/x").range(1, 2).build()).hasMessageContaining("restUrl");
    }

    private static List<Trade> readAll(HistorySplit slice) {
        List<Trade> read = new ArrayList<>();
        HistorySplitReader reader = new HistorySplitReader(new HistorySettings(simulator.restUrl(), "key-id", "secret-key", null));
        try {
            reader.handleSplitsChanges(new org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition<>(List.of(slice)));
            while (true) {
                var records = reader.fetch();
                records.nextSplit();
                Trade trade;
                while ((trade = records.nextRecordFromSplit()) != null) {
                    read.add(trade);
                }
                if (records.finishedSplits().contains(slice.splitId())) {
                    return read;
                }
            }
        } finally {
            reader.close();
        }
    }

    private static AlpacaHistorySource.Builder source() {
        return AlpacaHistorySource.builder().restUrl(simulator.restUrl()).credentials("key-id", "secret-key")
                .symbols(CONFIG.symbols());
    }

    private static StreamExecutionEnvironment batchEnvironment() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }
}
