package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.cli.local.Feed;
import io.jonbu.ohlcv.cli.local.LocalStack;
import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 6 end to end: the stack streams AAPL only, though the simulator trades MSFT too; after
 * {@code POST /api/v1/symbols} names MSFT, MSFT's candles appear over REST, with no restart, and after
 * {@code DELETE /api/v1/symbols/AAPL} AAPL's stop. The stack needs API keys ({@code --auth api-key}):
 * the test makes its key with {@code jonbu keys create} on the stack's database, and revokes it at the end.
 */
class LiveSymbolsTest {
    /** 120 virtual seconds per wall second: a 1m candle closes every half second. */
    private static final double SPEED = 120;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Several candle closes and checkpoints long. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private volatile String key;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .addInterceptor(chain -> chain.proceed(key == null ? chain.request()
                    : chain.request().newBuilder().header("Authorization", "Bearer " + key).build()))
            .build();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSymbolPostedWhileRunningGetsCandlesAndADeletedOneStops() throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).rate(200).seed(5)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), SPEED).credentials("key", "secret").build();
        long started = System.nanoTime();
        try (AlpacaSimulator server = AlpacaSimulator.start(sim);
             LocalStack stack = LocalStack.start(new LocalStackConfig(0, 0, null, 0, null,
                     new Feed.Alpaca(server.url("iex"), server.restUrl(), "key", "secret", List.of("AAPL")),
                     CandleJobConfig.defaults().withTimeframes(List.of(Timeframe.M1)), 1, Duration.ofSeconds(1),
                     LocalStackConfig.LocalKafka.embedded(), true, AlpacaStreamSource.DEFAULT_MAX_BACKFILL, null))) {
            String api = "http://localhost:" + stack.servingPort() + "/api/v1";
            assertThat(status(api + "/symbols")).as("no key").isEqualTo(401);
            assertThat(JonbuInProcess.run(Map.of(), out, err, "keys", "create", "live-symbols-test", "--db-url", stack.jdbcUrl()))
                    .as(err.toString()).isZero();
            key = out.toString().trim();
            assertThat(status(api + "/symbols")).isEqualTo(200);
            System.out.printf("stack up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            awaitCandles(api, "AAPL", 2);
            System.out.printf("AAPL candles served %d ms after the stack started%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(candles(api, "MSFT")).as("MSFT is traded but not tracked").isZero();

            long posted = System.nanoTime();
            JsonNode list = send(new Request.Builder().url(api + "/symbols")
                    .post(RequestBody.create("{\"symbols\":[\"MSFT\"]}", MediaType.get("application/json"))).build());
            assertThat(list.path("symbols").findValuesAsText("symbol")).contains("AAPL", "MSFT");
            awaitCandles(api, "MSFT", 2);
            System.out.printf("MSFT candles served %d ms after the POST%n", (System.nanoTime() - posted) / 1_000_000);

            send(new Request.Builder().url(api + "/symbols/AAPL").delete().build());
            awaitStopped(api, "AAPL", "MSFT");

            StringWriter keyList = new StringWriter();
            assertThat(JonbuInProcess.run(Map.of(), keyList, err, "keys", "list", "--db-url", stack.jdbcUrl())).isZero();
            String id = key.split("_")[1];
            assertThat(keyList.toString()).contains(id).contains("live-symbols-test").doesNotContain(key);
            assertThat(JonbuInProcess.run(Map.of(), out, err, "keys", "limit", id, "--rate-per-minute", "1", "--burst", "1",
                    "--db-url", stack.jdbcUrl())).as(err.toString()).isZero();
            long limitDeadline = System.nanoTime() + WAIT.toNanos();
            while (status(api + "/symbols") != 429 && System.nanoTime() < limitDeadline) {
                Thread.sleep(250);
            }
            assertThat(status(api + "/symbols")).as("the new limit, one a minute, applies live").isEqualTo(429);
            assertThat(JonbuInProcess.run(Map.of(), out, err, "keys", "revoke", id, "--db-url", stack.jdbcUrl())).isZero();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (status(api + "/symbols") != 401 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(status(api + "/symbols")).as("a revoked key, within seconds").isEqualTo(401);
        }
    }

    /**
     * Waits until {@code stopped} has served no new candle for {@link #QUIET} while {@code going} did:
     * a removal takes a poll, the unsubscribe, the last candle closing and a checkpoint writing it.
     */
    private void awaitStopped(String api, String stopped, String going) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int count = candles(api, stopped);
        int other = candles(api, going);
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            int now = candles(api, stopped);
            if (now != count) {
                count = now;
                other = candles(api, going);
                since = System.nanoTime();
            } else if (System.nanoTime() - since > QUIET.toNanos() && candles(api, going) > other) {
                return;
            }
        }
        throw new AssertionError(stopped + " candles kept coming, or " + going + "'s stopped, for " + WAIT);
    }

    private void awaitCandles(String api, String symbol, int atLeast) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (candles(api, symbol) >= atLeast) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("fewer than " + atLeast + " " + symbol + " candles served within " + WAIT);
    }

    private int candles(String api, String symbol) throws IOException {
        return send(new Request.Builder().url(api + "/ohlcv/" + symbol
                + "/history?timeframe=1m&start=2024-03-08&end=2024-03-10&limit=10000").build()).path("candles").size();
    }

    private int status(String url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code();
        }
    }

    private JsonNode send(Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            String body = r.body().string();
            return body.isEmpty() ? ApiJson.mapper().createObjectNode() : ApiJson.mapper().readTree(body);
        }
    }
}
