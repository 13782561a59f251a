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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void savedResponsesOfTheBarsEndpointLandAsTheCandlesTheApiGivesWithoutKeys(@TempDir Path dir) throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).rate(12_000).seed(6)
                .virtualTime(START, 600).limit(TRADES / 2).credentials("id", "secret").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(sim); EmbeddedDatabase fromApi = EmbeddedDatabase.startTemporary();
                EmbeddedDatabase fromFile = EmbeddedDatabase.startTemporary()) {
            assertThat(simulator.awaitEmitted(TRADES / 2, Duration.ofSeconds(60))).isTrue();
            // what `curl` of the endpoint saves
            Path page = dir.resolve("bars.json");
            try (Response r = new OkHttpClient().newCall(new Request.Builder()
                    .url(simulator.restUrl() + "/v2/stocks/bars?symbols=AAPL,MSFT&timeframe=5Min&start=2024-03-08T00:00:00Z"
                            + "&end=2024-03-09T00:00:00Z&limit=10000")
                    .header("APCA-API-KEY-ID", "id").header("APCA-API-SECRET-KEY", "secret").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                Files.write(page, r.body().bytes());
            }

            String[] range = {"--timeframe", "5m", "--start", "2024-03-08", "--end", "2024-03-09"};
            assertThat(jonbu(Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", "secret"), concat(new String[] {"fetch", "AAPL", "MSFT"},
                    range, new String[] {"--rest-url", simulator.restUrl(), "--db-url", fromApi.jdbcUrl()}))).as(err.toString()).isZero();
            assertThat(jonbu(Map.of(), concat(new String[] {"fetch", "AAPL", "MSFT"}, range,
                    new String[] {"--from-file", page.toString(), "--db-url", fromFile.jdbcUrl()}))).as(err.toString()).isZero();

            for (String symbol : List.of("AAPL", "MSFT")) {
                List<Candle> api = CandleRepository.candles(fromApi.dataSource()).range(symbol, Timeframe.M5, 0, Long.MAX_VALUE / 2, 10_000);
                List<Candle> file = CandleRepository.candles(fromFile.dataSource()).range(symbol, Timeframe.M5, 0, Long.MAX_VALUE / 2, 10_000);
                assertThat(file).as(symbol).isNotEmpty().hasSameSizeAs(api);
                for (int i = 0; i < api.size(); i++) {
                    assertThat(CandleOracle.sameCandle(file.get(i), api.get(i))).as("%s vs %s", file.get(i), api.get(i)).isTrue();
                }
            }
        }
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
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
