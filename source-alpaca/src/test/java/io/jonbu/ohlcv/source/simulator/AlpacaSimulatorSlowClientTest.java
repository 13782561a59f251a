package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A client that stops reading is dropped as Alpaca drops it, and the others never notice. */
class AlpacaSimulatorSlowClientTest {

    @Test
    void clientThatStopsReadingIsDroppedWith407WhileOthersKeepStreaming() throws Exception {
        try (AlpacaSimulator simulator = AlpacaSimulator.start(SimulatorConfig.builder().rate(40_000).build());
                TestClient fast = TestClient.subscribed(simulator.url("iex"), "*");
                RawWebSocket slow = new RawWebSocket(simulator.url("iex"), "k", "s")) {
            slow.send("{\"action\":\"subscribe\",\"trades\":[\"*\"]}");
            long fastBefore = fast.trades();
            long emittedBefore = simulator.emittedCount();
            // not reading: the socket buffers fill, then the simulator's bound of pending frames
            Thread.sleep(4_000);
            long emittedDuring = simulator.emittedCount() - emittedBefore;
            // counted in trades, not frames or seconds: on a loaded machine ticks are fewer and fuller
            assertThat(emittedDuring).as("trades emitted while one client stalled (40k/s for 4 s)").isGreaterThan(40_000);
            // the slow client reads its backlog meanwhile: a dropped client that has not read up to the close
            // within the simulator's grace is cut, and on a loaded machine the fast client's catching up takes a while
            CompletableFuture<Boolean> found407 = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.awaitText(Fixtures.errorFrame(407), Duration.ofSeconds(10));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (fast.trades() - fastBefore < emittedDuring && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(fast.trades() - fastBefore).as("trades the fast client got of those").isGreaterThanOrEqualTo(emittedDuring);

            assertThat(found407.get())
                    .as("the slow client finds %s behind its backlog", Fixtures.errorFrame(407)).isTrue();
        }
    }
}
