package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.serving.candle.CandleRepository;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jonbu fetch} against the simulator's historical bars endpoint, into a real PostgreSQL. */
class FetchCommandTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private static final int TRADES = 12_000;

    private final StringWriter err = new StringWriter();

    private int jonbu(Map<String, String> environment, String... args) {
        return JonbuInProcess.run(environment, err, args);
    }

    @Test
    void barsOfEverySymbolLandAsCandlesEqualToTheTradesTheyCameFrom() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).rate(12_000).seed(5)
                .virtualTime(START, 600).limit(TRADES).credentials("id", "secret").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(sim); EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            assertThat(simulator.awaitEmitted(TRADES, Duration.ofSeconds(60))).isTrue();

            int code = jonbu(Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", "secret"),
                    "fetch", "AAPL", "msft", "--timeframe", "5m", "--start", "2024-03-08", "--end", "2024-03-09",
                    "--rest-url", simulator.restUrl(), "--db-url", db.jdbcUrl());

            assertThat(code).as(err.toString()).isZero();
            List<Trade> trades = TradeGenerator.emitted(sim, TRADES);
            List<Candle> expected = CandleOracle.candles(trades, List.of(Timeframe.M5));
            CandleRepository<Candle> stored = CandleRepository.candles(db.dataSource());
            List<Candle> actual = new ArrayList<>(stored.range("AAPL", Timeframe.M5, START - 3_600_000_000_000L, Long.MAX_VALUE / 2, 10_000));
            actual.addAll(stored.range("MSFT", Timeframe.M5, START - 3_600_000_000_000L, Long.MAX_VALUE / 2, 10_000));
            assertThat(actual).hasSameSizeAs(expected);
            for (Candle want : expected) {
                Candle got = actual.stream().filter(c -> c.symbol().equals(want.symbol()) && c.start() == want.start()).findFirst().orElseThrow();
                assertThat(CandleOracle.sameCandle(got, want)).as("%s vs %s", got, want).isTrue();
            }
            assertThat(err.toString()).contains("fetch: " + expected.size() + " 5m bars of AAPL,MSFT into PostgreSQL")
                    .contains("] 100%  " + String.format(Locale.ROOT, "%,d", expected.size()) + " 5m bars\n");
            assertThat(stored.isKnown("MSFT")).isTrue();
        }
    }

    @Test
    void withoutKeysInTheEnvironmentItIsAUsageError() {
        assertThat(jonbu(Map.of(), "fetch", "AAPL", "--start", "2024-03-08")).isEqualTo(2);
        assertThat(err.toString()).contains("fetch: set APCA_API_KEY_ID and APCA_API_SECRET_KEY");
    }

    @Test
    void badTimesAndTimeframesNameTheOption() {
        assertThat(jonbu(Map.of(), "fetch", "AAPL", "--start", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--start").contains("'yesterday' is neither an RFC 3339 time");
        assertThat(jonbu(Map.of(), "fetch", "AAPL", "--start", "2024-03-08", "--timeframe", "2m")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown timeframe '2m'");
    }
}
