package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each fault, seen from a plain WebSocket client: what exactly the simulator does to the connection. */
class AlpacaSimulatorFaultsTest {
    private static final String AUTH = "{\"action\":\"auth\",\"key\":\"k\",\"secret\":\"s\"}";

    @Test
    void disconnectEveryCutsTheConnectionWithoutACloseFrame() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().rate(500)
                .fault(SimulatorFault.disconnectEvery(Duration.ofMillis(400))).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                TestClient client = TestClient.subscribed(simulator.url("iex"), "*")) {
            long opened = System.nanoTime();
            assertThat(client.awaitClosed()).as("a dropped connection, not a close handshake").startsWith("failure");
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(Duration.ofSeconds(2));
            assertThat(client.trades()).as("trades before the cut").isPositive();
        }
    }

    @Test
    void silentAfterStopsTheDataButKeepsAnsweringOnTheSameConnection() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().rate(500)
                .fault(SimulatorFault.silentAfter(Duration.ofMillis(300))).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                TestClient client = TestClient.subscribed(simulator.url("iex"), "*")) {
            Thread.sleep(500);
            while (client.poll(Duration.ofMillis(300)) != null) {
                // the frames sent before the silence
            }
            long emitted = simulator.emittedCount();
            assertThat(simulator.awaitEmitted(emitted + 200, Duration.ofSeconds(5))).isTrue();
            assertThat(client.poll(Duration.ofMillis(300))).as("data after the silence began").isNull();
            client.send(AUTH);
            assertThat(client.next()).as("control replies still come").isEqualTo(Fixtures.errorFrame(403));
        }
    }

    @Test
    void slowClientIsDroppedWith407AfterItsFrames() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().rate(500).fault(SimulatorFault.slowClient(5)).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                TestClient client = TestClient.subscribed(simulator.url("iex"), "*")) {
            for (int frame = 0; frame < 5; frame++) {
                assertThat(client.next()).startsWith("[{\"T\":\"t\",");
            }
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(407));
            assertThat(client.awaitClosed()).startsWith("1008");
        }
    }

    @Test
    void rejectAuthRefusesEvenTheRightKeysWith402() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().credentials("k", "s").fault(SimulatorFault.rejectAuth()).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                TestClient client = TestClient.connect(simulator.url("iex"))) {
            client.next();
            client.send(AUTH);
            assertThat(client.next()).isEqualTo(Fixtures.errorFrame(402));
            assertThat(client.awaitClosed()).startsWith("1008");
        }
    }
}
