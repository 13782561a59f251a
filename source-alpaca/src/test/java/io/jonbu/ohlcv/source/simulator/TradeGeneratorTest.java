package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Trade;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeGeneratorTest {
    private static final long START = 1_709_908_200_000_000_000L;
    private static final long STEP = 20_000_000L;

    @Test
    void sameSeedGivesTheSameSequence() {
        assertThat(generate(new TradeGenerator(42, SimulatorConfig.DEFAULT_SYMBOLS), 5_000))
                .containsExactlyElementsOf(generate(new TradeGenerator(42, SimulatorConfig.DEFAULT_SYMBOLS), 5_000));
    }

    @Test
    void otherSeedGivesAnotherSequence() {
        assertThat(generate(new TradeGenerator(43, SimulatorConfig.DEFAULT_SYMBOLS), 100))
                .isNotEqualTo(generate(new TradeGenerator(42, SimulatorConfig.DEFAULT_SYMBOLS), 100));
    }

    @Test
    void pricesArePositiveWholeCentsAndSizesPositive() {
        List<Trade> trades = generate(new TradeGenerator(1, List.of("AAPL", "ZZZZ")), 100_000);
        assertThat(trades).allSatisfy(t -> {
            assertThat(t.price()).isPositive();
            assertThat(Math.round(t.price() * 100) / 100.0).isEqualTo(t.price());
            assertThat(t.size()).isPositive();
        });
    }

    @Test
    void oddLotsCarryTheOddLotCondition() {
        List<Trade> trades = generate(new TradeGenerator(5, SimulatorConfig.DEFAULT_SYMBOLS), 10_000);
        assertThat(trades).allSatisfy(t -> assertThat(t.conditions())
                .containsExactly(t.size() % 100 == 0 ? new String[] {"@"} : new String[] {"@", "I"}));
        assertThat(trades).filteredOn(t -> t.size() < 100).hasSizeBetween(1_000, 2_000);
    }

    @Test
    void outOfOrderShareAndDelayAreAsConfigured() {
        long maxDelay = 1_000_000_000L;
        TradeGenerator generator = new TradeGenerator(9, SimulatorConfig.DEFAULT_SYMBOLS, 0.02, maxDelay);
        int late = 0;
        for (int k = 0; k < 10_000; k++) {
            long base = START + k * STEP;
            long delay = base - generator.next(base).timestamp();
            assertThat(delay).isBetween(0L, maxDelay);
            if (delay > 0) {
                late++;
            }
        }
        assertThat(late).isBetween(140, 260);
    }

    @Test
    void idsRisePerSymbolAndNeverRepeat() {
        List<Trade> trades = generate(new TradeGenerator(3, SimulatorConfig.DEFAULT_SYMBOLS), 20_000);
        Set<String> seen = new HashSet<>();
        for (String symbol : SimulatorConfig.DEFAULT_SYMBOLS) {
            List<Long> ids = trades.stream().filter(t -> t.symbol().equals(symbol)).map(Trade::id).toList();
            assertThat(ids).isNotEmpty().isSorted().doesNotHaveDuplicates();
            ids.forEach(id -> seen.add(symbol + id));
        }
        assertThat(seen).hasSize(trades.size());
    }

    @Test
    void tapeFollowsTheListingExchange() {
        List<Trade> trades = generate(new TradeGenerator(4, List.of("AAPL", "SPY", "IBM")), 1_000);
        assertThat(trades).allSatisfy(t -> assertThat(t.tape()).isEqualTo(switch (t.symbol()) {
            case "AAPL" -> "C";
            case "SPY" -> "B";
            default -> "A";
        }));
    }

    private static List<Trade> generate(TradeGenerator generator, int count) {
        List<Trade> trades = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            trades.add(generator.next(START + k * STEP));
        }
        return trades;
    }
}
