package io.jonbu.ohlcv.source.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.tape.SaleConditions;
import io.jonbu.ohlcv.source.Backoff;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the simulator over loopback: what it pages through is exactly what was emitted. */
class AlpacaRestClientSimulatorTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private static final int EMITTED = 2_000;
    /** 0.9 virtual seconds between trades: 2,000 trades span 30 minutes. */
    private static final SimulatorConfig CONFIG = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT", "NVDA"))
            .rate(20_000).virtualTime(START, 18_000).limit(EMITTED).credentials("key-id", "secret-key").build();
    private static final Comparator<Trade> BY_SYMBOL_TIME_ID = Comparator.comparing(Trade::symbol)
            .thenComparingLong(Trade::timestamp).thenComparingLong(Trade::id);

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
    void singleSymbolPagesFollowTheTokenToExactlyTheEmittedTrades() {
        try (AlpacaRestClient client = client(simulator.restUrl()).build()) {
            List<Trade> fetched = client.trades(HistoricalQuery.symbols("AAPL").limit(100).build()).toList();

            assertThat(fetched).hasSizeGreaterThan(500)
                    .containsExactlyElementsOf(expected(Set.of("AAPL"), Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    @Test
    void multiSymbolPagesGroupBySymbolInTimeOrder() {
        try (AlpacaRestClient client = client(simulator.restUrl()).build()) {
            List<Trade> fetched = client.trades(HistoricalQuery.symbols("NVDA", "AAPL").limit(250).build()).toList();

            assertThat(fetched).containsExactlyElementsOf(expected(Set.of("AAPL", "NVDA"), Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    @Test
    void startEndAndDescendingSortSelectAndOrderTheTrades() {
        long from = START + Duration.ofMinutes(5).toNanos();
        long to = START + Duration.ofMinutes(10).toNanos();
        try (AlpacaRestClient client = client(simulator.restUrl()).build()) {
            List<Trade> fetched = client.trades(HistoricalQuery.symbols("MSFT").start(from).end(to).sort("desc")
                    .limit(37).feed("iex").build()).toList();

            List<Trade> expected = new ArrayList<>(expected(Set.of("MSFT"), from, to));
            expected.sort(BY_SYMBOL_TIME_ID.reversed());
            assertThat(fetched).isNotEmpty().containsExactlyElementsOf(expected);
        }
    }

    @Test
    void barsEqualBarsComputedFromTheEmittedTrades() {
        try (AlpacaRestClient client = client(simulator.restUrl()).build()) {
            List<AlpacaBar> fiveMinute = client.bars(HistoricalQuery.symbols("AAPL", "MSFT", "NVDA")
                    .timeframe("5Min").limit(4).adjustment("raw").build()).toList();
            List<AlpacaBar> hourly = client.bars(HistoricalQuery.symbols("NVDA").timeframe("1Hour").build()).toList();

            assertThat(fiveMinute).hasSizeGreaterThan(3 * 5).containsExactlyElementsOf(
                    barsOf(expected(Set.of("AAPL", "MSFT", "NVDA"), Long.MIN_VALUE, Long.MAX_VALUE), Timeframe.M5));
            assertThat(hourly).containsExactlyElementsOf(
                    barsOf(expected(Set.of("NVDA"), Long.MIN_VALUE, Long.MAX_VALUE), Timeframe.H1));
        }
    }

    @Test
    void tradesAndBarsServeTheTapeAsCorrectionsAndCancelsLeftIt() throws InterruptedException {
        SimulatorConfig amending = SimulatorConfig.builder().symbols(CONFIG.symbols()).rate(20_000)
                .virtualTime(START, 18_000).limit(EMITTED).credentials("key-id", "secret-key")
                .corrections(0.05).cancels(0.05).build();
        try (AlpacaSimulator amended = AlpacaSimulator.start(amending);
                AlpacaRestClient client = client(amended.restUrl()).build()) {
            assertThat(amended.awaitEmitted(EMITTED, Duration.ofSeconds(10))).isTrue();
            List<TradeCorrection> corrections = amended.corrections();
            List<TradeCancel> cancels = amended.cancels();
            assertThat(corrections).hasSizeGreaterThan(50);
            assertThat(cancels).hasSizeGreaterThan(50);
            // amendments have a random stream of their own: the trades are those of the plain simulator
            Map<Long, Trade> tape = new LinkedHashMap<>();
            emitted.forEach(t -> tape.put(t.id(), t));
            corrections.forEach(c -> tape.put(c.originalId(), c.corrected()));
            cancels.forEach(x -> tape.remove(x.id()));
            List<Trade> amendedTape = List.copyOf(tape.values());
            Set<String> all = Set.copyOf(CONFIG.symbols());

            List<Trade> fetched = client.trades(HistoricalQuery.symbols(CONFIG.symbols()).limit(500).build()).toList();
            List<AlpacaBar> bars = client.bars(HistoricalQuery.symbols(CONFIG.symbols()).timeframe("1Min").build()).toList();

            assertThat(fetched).containsExactlyElementsOf(selected(amendedTape, all, Long.MIN_VALUE, Long.MAX_VALUE));
            assertThat(fetched).extracting(Trade::id).doesNotContainAnyElementsOf(cancels.stream().map(TradeCancel::id).toList())
                    .doesNotContainAnyElementsOf(corrections.stream().map(TradeCorrection::originalId).toList());
            assertThat(bars).containsExactlyElementsOf(barsOf(selected(amendedTape, all, Long.MIN_VALUE, Long.MAX_VALUE), Timeframe.M1));
            assertThat(bars).isNotEqualTo(barsOf(expected(all, Long.MIN_VALUE, Long.MAX_VALUE), Timeframe.M1));
        }
    }

    @Test
    void tooManyRequestsAreWaitedOutAndThePagingCompletes() throws InterruptedException {
        SimulatorConfig limited = SimulatorConfig.builder().symbols(CONFIG.symbols()).rate(20_000)
                .virtualTime(START, 18_000).limit(EMITTED).credentials("key-id", "secret-key")
                .restRateLimit(3, Duration.ofSeconds(1)).build();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Sleeper recording = d -> {
            waits.add(d);
            Sleeper.REAL.sleep(d);
        };
        try (AlpacaSimulator busy = AlpacaSimulator.start(limited);
                AlpacaRestClient client = client(busy.restUrl()).time(Clock.systemUTC(), recording).build();
                AlpacaRestClient other = client(busy.restUrl()).build()) {
            assertThat(busy.awaitEmitted(EMITTED, Duration.ofSeconds(10))).isTrue();
            // another client of the same account spends the window's budget first
            HistoricalQuery onePage = HistoricalQuery.symbols("AAPL").limit(1).build();
            for (int i = 0; i < 3; i++) {
                other.trades(onePage).findFirst();
            }

            List<Trade> fetched = client.trades(HistoricalQuery.symbols("AAPL").limit(200).build()).toList();

            assertThat(fetched).containsExactlyElementsOf(expected(Set.of("AAPL"), Long.MIN_VALUE, Long.MAX_VALUE));
            assertThat(waits).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(1)));
        }
    }

    @Test
    void wrongKeysAndUnsimulatedParametersFailWithAlpacasCodeAndMessage() {
        try (AlpacaRestClient client = client(simulator.restUrl()).credentials("key-id", "wrong").build()) {
            assertThatThrownBy(() -> client.trades(HistoricalQuery.symbols("AAPL").build()).toList())
                    .isInstanceOfSatisfying(AlpacaRestException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.code()).isEqualTo(40310000);
                        assertThat(e.alpacaMessage()).isEqualTo("forbidden");
                    });
        }
        try (AlpacaRestClient client = client(simulator.restUrl()).build()) {
            assertThatThrownBy(() -> client.bars(HistoricalQuery.symbols("AAPL").timeframe("1Week").build()).toList())
                    .isInstanceOfSatisfying(AlpacaRestException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.code()).isEqualTo(42210000);
                        assertThat(e.alpacaMessage()).contains("timeframe 1Week");
                    });
        }
    }

    private static AlpacaRestClient.Builder client(String url) {
        return AlpacaRestClient.builder().baseUrl(url).credentials("key-id", "secret-key")
                .retries(5, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    private static List<Trade> expected(Set<String> symbols, long from, long to) {
        return selected(emitted, symbols, from, to);
    }

    private static List<Trade> selected(List<Trade> trades, Set<String> symbols, long from, long to) {
        return trades.stream().filter(t -> symbols.contains(t.symbol()) && t.timestamp() >= from && t.timestamp() <= to)
                .sorted(BY_SYMBOL_TIME_ID).toList();
    }

    /** Bars the plain way: group by symbol and interval start, then fold each group in time order. */
    /** Bars as Alpaca builds them, the slow way: odd lots add volume but set no price. */
    private static List<AlpacaBar> barsOf(List<Trade> sorted, Timeframe timeframe) {
        Map<String, Map<Long, List<Trade>>> groups = new TreeMap<>();
        for (Trade t : sorted) {
            groups.computeIfAbsent(t.symbol(), s -> new TreeMap<>())
                    .computeIfAbsent(timeframe.start(t.timestamp()), s -> new ArrayList<>()).add(t);
        }
        List<AlpacaBar> bars = new ArrayList<>();
        groups.forEach((symbol, byStart) -> byStart.forEach((start, trades) -> {
            List<Trade> priced = trades.stream().filter(t -> SaleConditions.of(t.tape(), t.conditions()).updatesLast()).toList();
            if (priced.isEmpty()) {
                return;
            }
            double notional = 0;
            long volume = 0;
            for (Trade t : trades) {
                notional += t.price() * t.size();
                volume += t.size();
            }
            bars.add(new AlpacaBar(symbol, start, priced.get(0).price(),
                    priced.stream().mapToDouble(Trade::price).max().orElseThrow(),
                    priced.stream().mapToDouble(Trade::price).min().orElseThrow(),
                    priced.get(priced.size() - 1).price(), volume, trades.size(), notional / volume));
        }));
        return bars;
    }
}
