package io.jonbu.ohlcv.source.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.SimulatorFault;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stream source in a Flink job against each simulator fault: what the client does about it. */
class ClientUnderFaultsTest {
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void droppedConnectionsAreReopenedAndWhatTheyMissedIsBackfilledFromTheRestHistory() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        SimulatorConfig config = builder().rate(500).virtualTime(start, 1).limit(1_500).waitForSubscriber(true)
                .fault(SimulatorFault.disconnectEvery(Duration.ofMillis(700))).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                // trades as trades: a tape snapshot would carry those stamped before each gap (AlpacaStreamSourceReconcileTest)
                RunningSource source = new RunningSource(source(simulator).reconcileLookback(Duration.ZERO).build())) {
            assertThat(simulator.awaitEmitted(1_500, WAIT)).isTrue();
            assertThat(simulator.connectionsOpened()).as("connections over 3 s cut every 0.7 s").isGreaterThanOrEqualTo(4);
            List<Trade> all = generated(config, 1_500);
            // the last half second of trades is longer than any reconnect: streaming went on after every cut
            List<Trade> last = all.subList(1_250, 1_500);
            assertThat(source.await(() -> source.trades().stream().anyMatch(last::contains), WAIT)).isTrue();

            List<Trade> history;
            try (AlpacaRestClient rest = AlpacaRestClient.builder().baseUrl(simulator.restUrl())
                    .credentials("key", "secret").build()) {
                history = rest.trades(HistoricalQuery.symbols(SYMBOLS).limit(10_000).build()).toList();
            }
            assertThat(history).as("the REST history has every trade").containsExactlyInAnyOrderElementsOf(all);
            assertThat(source.await(() -> source.trades().size() >= all.size(), WAIT)).isTrue();
            assertThat(source.trades()).as("each reconnect backfilled what the stream missed, each trade once")
                    .containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSilentConnectionIsReopenedByTheDataAgeWatchdog() throws Exception {
        SimulatorConfig config = builder().rate(300).fault(SimulatorFault.silentAfter(Duration.ofMillis(800))).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                RunningSource source = new RunningSource(source(simulator).dataAgeTimeout(Duration.ofMillis(300)).build())) {
            assertThat(source.await(() -> simulator.connectionsOpened() >= 2, WAIT))
                    .as("a second connection once the first fell silent").isTrue();
            int beforeReconnect = source.trades().size();
            assertThat(beforeReconnect).isPositive();
            assertThat(source.await(() -> source.trades().size() > beforeReconnect + 50, WAIT))
                    .as("trades again on the new connection").isTrue();
            assertThat(source.running()).isTrue();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSlowClientDroppedWith407Reconnects() throws Exception {
        SimulatorConfig config = builder().rate(1_000).fault(SimulatorFault.slowClient(20)).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                RunningSource source = new RunningSource(source(simulator).build())) {
            assertThat(source.await(() -> simulator.connectionsOpened() >= 3, WAIT)).as("reconnects after 407").isTrue();
            int before = source.trades().size();
            assertThat(source.await(() -> source.trades().size() > before, WAIT)).as("trades after reconnecting").isTrue();
            assertThat(source.running()).as("407 is no reason to fail the job").isTrue();
            assertThat(source.events()).noneMatch(e -> e.deadLetter() != null);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aConnectionLimitIsWaitedOutByReconnectingWithBackoff() throws Exception {
        SimulatorConfig config = builder().fault(SimulatorFault.error(406)).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                RunningSource source = new RunningSource(source(simulator).build())) {
            assertThat(source.await(() -> simulator.connectionsOpened() >= 3, WAIT))
                    .as("406: another connection holds the slot, so try again").isTrue();
            assertThat(source.running()).isTrue();
        }
    }

    /** Refusals reconnecting cannot fix end the job at the first connection, however many restarts Flink allows. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRefusalThatReconnectingCannotFixFailsTheJobOnceWithoutARetryLoop(SimulatorFault fault, String error)
            throws Exception {
        SimulatorConfig config = builder().fault(fault).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                RunningSource source = new RunningSource(source(simulator).build())) {
            Throwable failure = source.awaitEnd(WAIT);

            assertThat(failure).isNotNull().hasStackTraceContaining("Alpaca stream error " + error);
            // time for any retry, by the connection's backoff or by a Flink restart, to show
            Thread.sleep(1_000);
            assertThat(simulator.connectionsOpened()).as("connections: one refusal, no loop").isEqualTo(1);
            assertThat(source.trades()).isEmpty();
        }
    }

    static List<Arguments> refusals() {
        return List.of(
                Arguments.of(SimulatorFault.rejectAuth(), "402 (auth failed)"),
                Arguments.of(SimulatorFault.error(409), "409 (insufficient subscription)"));
    }

    private static SimulatorConfig.Builder builder() {
        return SimulatorConfig.builder().symbols(SYMBOLS);
    }

    private static AlpacaStreamSource.Builder source(AlpacaSimulator simulator) {
        return AlpacaStreamSource.builder().url(simulator.url("iex")).restUrl(simulator.restUrl()).credentials("key", "secret")
                .symbols(SYMBOLS).reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    /** The trades the simulator emits, in emission order. */
    private static List<Trade> generated(SimulatorConfig config, int count) {
        return TradeGenerator.emitted(config, count);
    }
}
