package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A running source follows its symbol directory over the simulator's live socket: a symbol added there
 * starts arriving without a restart, and a removed one stops.
 */
class AlpacaStreamSourceSymbolsTest {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The directory the job polls; static, as the job holds a serialized copy of the directory. */
    private static volatile Set<String> active = Set.of("AAPL");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSymbolAddedToTheDirectoryStreamsAndARemovedOneStops() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT", "NVDA")).rate(300).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config)) {
            AlpacaStreamSource source = AlpacaStreamSource.builder().url(simulator.url("iex")).restUrl(simulator.restUrl())
                    .credentials("key", "secret").symbols(List.of("AAPL"))
                    .symbolDirectory(AlpacaStreamSourceSymbolsTest::directory, POLL).build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            try (CloseableIterator<String> symbols = env.fromSource(source, WatermarkStrategy.noWatermarks(), "alpaca")
                    .filter(FeedEvent::isTrade).map(event -> event.trade().symbol())
                    .executeAndCollect("alpaca-source-symbols")) {
                assertThat(next(symbols, Set.of("AAPL", "MSFT", "NVDA"))).as("the symbol it started with").isEqualTo("AAPL");

                active = Set.of("AAPL", "MSFT");
                String added = next(symbols, Set.of("MSFT"));
                assertThat(added).isEqualTo("MSFT");

                active = Set.of("MSFT");
                // frames in flight when the unsubscribe went out may still carry AAPL; after that, none
                drain(symbols, Duration.ofSeconds(2));
                long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                int msft = 0;
                while (System.nanoTime() < deadline) {
                    String symbol = symbols.next();
                    assertThat(symbol).as("a removed or never added symbol").isEqualTo("MSFT");
                    msft++;
                }
                assertThat(msft).as("MSFT keeps streaming").isGreaterThan(50);
            }
        } finally {
            active = Set.of("AAPL");
        }
    }

    private static Set<String> directory() {
        return active;
    }

    /** The first symbol in {@code wanted}, failing on one outside the directory's current answer. */
    private static String next(CloseableIterator<String> symbols, Set<String> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String symbol = symbols.next();
            if (wanted.contains(symbol)) {
                return symbol;
            }
        }
        throw new AssertionError("none of " + wanted + " within " + WAIT);
    }

    private static void drain(CloseableIterator<String> symbols, Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            symbols.next();
        }
    }
}
