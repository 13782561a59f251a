package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the simulator emits, when, and stamped how. */
class AlpacaSimulatorEmissionTest {

    @Test
    void virtualTimeStreamIsExactlyTheGeneratorSequenceUpToTheLimit() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        SimulatorConfig config = SimulatorConfig.builder().rate(5_000).seed(7).virtualTime(start, 60)
                .limit(1_000).waitForSubscriber(true).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                TestClient client = TestClient.subscribed(simulator.url("iex"), "*")) {
            List<Trade> received = client.trades(1_000);

            assertThat(received).containsExactlyElementsOf(TradeGenerator.emitted(config, 1_000));
            assertThat(simulator.awaitEmitted(1_000, Duration.ofSeconds(1))).isTrue();
            assertThat(client.poll(Duration.ofMillis(200))).as("nothing past the limit").isNull();
            assertThat(simulator.emittedCount()).isEqualTo(1_000);
        }
    }

    @Test
    void wallClockTradesCarryTheTimeTheyWereSent() {
        SimulatorConfig config = SimulatorConfig.builder().rate(1_000).outOfOrder(0, 0).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
                TestClient client = TestClient.subscribed(simulator.url("iex"), "*")) {
            for (Trade trade : client.trades(100)) {
                long lagMillis = (EpochNanos.of(Instant.now()) - trade.timestamp()) / 1_000_000;
                // stamped when due, on a monotonic clock anchored to the wall clock at start: a loaded
                // machine sends late, and the two clocks may differ by a few milliseconds
                assertThat(lagMillis).as("%s sent %d ms ago", trade, lagMillis).isBetween(-50L, 5_000L);
            }
        }
    }

    @Test
    void onTheWallClockTheOriginAndTheSeedRebuildEveryTradeSent() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().rate(2_000).seed(3).outOfOrder(0, 0).waitForSubscriber(true).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config)) {
            assertThat(simulator.origin()).as("nothing emitted yet").isEmpty();
            try (TestClient client = TestClient.subscribed(simulator.url("iex"), "*")) {
                List<Trade> received = client.trades(500);

                long origin = simulator.origin().orElseThrow();
                TradeGenerator generator = TradeGenerator.from(config);
                for (int k = 0; k < received.size(); k++) {
                    assertThat(received.get(k)).as("trade %d", k).isEqualTo(generator.next(origin + k * config.stepNanos()));
                }
            }
        }
    }
}
