package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client that stops reading is dropped as Alpaca drops it, and the others never notice. */
class AlpacaSimulatorSlowClientTest {

    @Test
    void clientThatStopsReadingIsDroppedWith407WhileOthersKeepStreaming() throws Exception {
        try (AlpacaSimulator simulator = AlpacaSimulator.start(SimulatorConfig.builder().rate(40_000).build());
                TestClient fast = TestClient.subscribed(simulator.url("iex"), "*");
                RawWebSocket slow = new RawWebSocket(simulator.url("iex"), "k", "s")) {
            slow.send("{\"action\":\"subscribe\",\"trades\":[\"*\"]}");
            long fastBefore = fast.received();
            // not reading: the socket buffers fill, then the simulator's bound of pending frames
            Thread.sleep(4_000);
            assertThat(fast.received() - fastBefore).as("frames the fast client got meanwhile").isGreaterThan(200);

            assertThat(slow.awaitText(Fixtures.errorFrame(407), Duration.ofSeconds(10)))
                    .as("the slow client finds %s behind its backlog", Fixtures.errorFrame(407)).isTrue();
        }
    }
}
