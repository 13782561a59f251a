package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Corrections and cancels on the stream: each follows its trade, carries the trade's own values and
 * time, reaches only the subscribers of its symbol, and the same seed amends the same trades.
 * Decoded with plain Jackson, as the model's parser does not read them yet.
 */
class AlpacaSimulatorAmendmentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRADES = 1_500;

    private static SimulatorConfig config() {
        return SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT", "NVDA")).rate(5_000)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), 1).limit(TRADES).waitForSubscriber(true)
                .corrections(0.04).cancels(0.04).build();
    }

    @Test
    void amendmentsFollowTheirTradesToSubscribersOfTheSymbolOnly() throws Exception {
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config());
                TestClient client = TestClient.subscribed(simulator.url("iex"), "AAPL")) {
            assertThat(simulator.awaitEmitted(TRADES, Duration.ofSeconds(10))).isTrue();
            List<TradeCorrection> corrections = aaplOnly(simulator.corrections(), TradeCorrection::symbol);
            List<TradeCancel> cancels = aaplOnly(simulator.cancels(), TradeCancel::symbol);
            assertThat(corrections).hasSizeGreaterThan(5);
            assertThat(cancels).hasSizeGreaterThan(5);

            Map<Long, JsonNode> tradesById = new HashMap<>();
            int corrected = 0;
            int cancelled = 0;
            while (corrected < corrections.size() || cancelled < cancels.size()) {
                for (JsonNode message : JSON.readTree(client.next())) {
                    assertThat(message.get("S").asText()).isEqualTo("AAPL");
                    switch (message.get("T").asText()) {
                        case "t" -> tradesById.put(message.get("i").asLong(), message);
                        case "c" -> {
                            JsonNode original = tradesById.get(message.get("oi").asLong());
                            assertThat(original).as("the corrected trade came first: %s", message).isNotNull();
                            assertThat(message.get("op")).isEqualTo(original.get("p"));
                            assertThat(message.get("os")).isEqualTo(original.get("s"));
                            assertThat(message.get("oc")).isEqualTo(original.get("c"));
                            assertThat(message.get("t")).as("the original's time").isEqualTo(original.get("t"));
                            assertThat(message.get("ci").asLong()).isNotEqualTo(message.get("oi").asLong());
                            assertThat(message.get("cp").asDouble()).isNotEqualTo(message.get("op").asDouble());
                            assertThat(message.get("oi").asLong()).isEqualTo(corrections.get(corrected++).originalId());
                        }
                        case "x" -> {
                            JsonNode original = tradesById.get(message.get("i").asLong());
                            assertThat(original).as("the cancelled trade came first: %s", message).isNotNull();
                            assertThat(message.get("p")).isEqualTo(original.get("p"));
                            assertThat(message.get("t")).isEqualTo(original.get("t"));
                            assertThat(message.get("a").asText()).isIn("C", "E");
                            assertThat(message.get("i").asLong()).isEqualTo(cancels.get(cancelled++).id());
                        }
                        default -> throw new AssertionError("unexpected " + message);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedAmendsTheSameTradesTheSameWay() throws Exception {
        // the clients' subscriptions start each simulator's emission
        try (AlpacaSimulator first = AlpacaSimulator.start(config());
                TestClient one = TestClient.subscribed(first.url("iex"), "*");
                AlpacaSimulator second = AlpacaSimulator.start(config());
                TestClient two = TestClient.subscribed(second.url("iex"), "*")) {
            assertThat(first.awaitEmitted(TRADES, Duration.ofSeconds(10))).isTrue();
            assertThat(second.awaitEmitted(TRADES, Duration.ofSeconds(10))).isTrue();

            assertThat(first.corrections()).isNotEmpty().isEqualTo(second.corrections());
            assertThat(first.cancels()).isNotEmpty().isEqualTo(second.cancels());
            assertThat(first.cancels()).extracting(TradeCancel::action).contains(TradeCancel.CANCEL, TradeCancel.ERROR);
        }
    }

    @Test
    void onlyTheNewestAmendmentsAreKeptAsOnlyTheNewestTradesAre() throws Exception {
        SimulatorConfig.Builder config = SimulatorConfig.builder().symbols(List.of("AAPL")).rate(5_000).limit(400)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), 1).corrections(0.5).cancels(0.5);
        try (AlpacaSimulator all = AlpacaSimulator.start(config.build());
                AlpacaSimulator newest = AlpacaSimulator.start(config.historySize(10).build())) {
            assertThat(all.awaitEmitted(400, Duration.ofSeconds(10))).isTrue();
            assertThat(newest.awaitEmitted(400, Duration.ofSeconds(10))).isTrue();

            List<TradeCorrection> corrections = all.corrections();
            List<TradeCancel> cancels = all.cancels();
            assertThat(newest.corrections()).isEqualTo(corrections.subList(corrections.size() - 10, corrections.size()));
            assertThat(newest.cancels()).isEqualTo(cancels.subList(cancels.size() - 10, cancels.size()));
        }
    }

    private static <T> List<T> aaplOnly(List<T> amendments, Function<T, String> symbol) {
        return amendments.stream().filter(a -> symbol.apply(a).equals("AAPL")).toList();
    }
}
