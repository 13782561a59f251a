package io.jonbu.ohlcv.source.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.Backoff;
import io.jonbu.ohlcv.source.rest.ScriptedServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the client waits, retries and gives up, against a scripted server on loopback and a fake clock. */
class AlpacaRestClientFailureTest {
    private static final long NOW_MILLIS = 1_709_908_200_000L;
    private static final String LAST_PAGE = "{\"symbol\":\"AAPL\",\"trades\":[{\"t\":\"2024-03-08T14:30:00Z\",\"x\":\"V\","
            + "\"p\":187.4,\"s\":100,\"c\":[\"@\"],\"i\":1,\"z\":\"C\"}],\"next_page_token\":null}";
    private static final String SERVER_ERROR = "{\"code\":50010000,\"message\":\"internal server error occurred\"}";
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    private final FakeTime time = new FakeTime(NOW_MILLIS);
    private final ScriptedServer server;

    AlpacaRestClientFailureTest() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void serverErrorsAreRetriedWithCappedBackoffAndJitterUntilTheyPass() {
        server.then(Answer.status(500, SERVER_ERROR), Answer.status(503, ""), Answer.ok(LAST_PAGE));
        try (AlpacaRestClient client = client(5, 10)) {
            assertThat(fetchAapl(client)).hasSize(1);
        }
        assertThat(server.received()).hasSize(3);
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0).toMillis()).isBetween(50L, 100L);
        assertThat(time.sleeps().get(1).toMillis()).isBetween(100L, 200L);
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndAFailedHalfOpenTrialReopensIt() {
        server.then(Answer.status(500, SERVER_ERROR));
        try (AlpacaRestClient client = client(2, 3)) {
            assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
            assertThatThrownBy(() -> fetchAapl(client)).isInstanceOf(AlpacaRestException.class)
                    .hasMessageContaining("after 3 attempts");
            assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);

            assertThatThrownBy(() -> fetchAapl(client)).hasMessageContaining("circuit open");
            assertThat(server.received()).as("an open circuit sends nothing").hasSize(3);

            time.advance(Duration.ofSeconds(30));
            assertThat(client.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
            assertThatThrownBy(() -> fetchAapl(client)).hasMessageContaining("circuit open");
            assertThat(server.received()).as("one trial, which failed").hasSize(4);
            assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);
        }
    }

    @Test
    void aSuccessfulHalfOpenTrialClosesTheCircuit() {
        server.then(Answer.status(500, SERVER_ERROR), Answer.status(500, SERVER_ERROR), Answer.ok(LAST_PAGE));
        try (AlpacaRestClient client = client(0, 2)) {
            assertThatThrownBy(() -> fetchAapl(client)).hasMessageContaining("after 1 attempts");
            assertThatThrownBy(() -> fetchAapl(client)).hasMessageContaining("after 1 attempts");
            assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);

            time.advance(Duration.ofSeconds(30));
            assertThat(client.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
            assertThat(fetchAapl(client)).hasSize(1);
            assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void usedUpRateLimitWaitsUntilTheResetBeforeTheNextRequest() {
        long reset = NOW_MILLIS / 1_000 + 7;
        String firstPage = LAST_PAGE.replace("\"next_page_token\":null", "\"next_page_token\":\"next\"");
        server.then(new Answer(200, Map.of("X-RateLimit-Limit", "200", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset)), firstPage), Answer.ok(LAST_PAGE));
        try (AlpacaRestClient client = client(5, 10)) {
            assertThat(fetchAapl(client)).hasSize(2);
        }
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(reset * 1_000 - NOW_MILLIS));
        assertThat(server.received()).extracting(ScriptedServer.Received::uri)
                .containsExactly("/v2/stocks/AAPL/trades", "/v2/stocks/AAPL/trades?page_token=next");
    }

    @Test
    void tooManyRequestsWaitsUntilTheResetOrElseBacksOff() {
        long reset = NOW_MILLIS / 1_000 + 3;
        server.then(new Answer(429, Map.of("X-RateLimit-Reset", Long.toString(reset)), "{\"code\":42910000,\"message\":\"rate limit exceeded\"}"),
                Answer.status(429, "{\"code\":42910000,\"message\":\"rate limit exceeded\"}"), Answer.ok(LAST_PAGE));
        try (AlpacaRestClient client = client(5, 10)) {
            assertThat(fetchAapl(client)).hasSize(1);
        }
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofMillis(reset * 1_000 - NOW_MILLIS));
        assertThat(time.sleeps().get(1).toMillis()).as("no reset given: backoff").isBetween(100L, 200L);
    }

    @Test
    void clientErrorsFailAtOnceWithAlpacasCodeAndMessage() {
        server.then(Answer.status(422, "{\"code\":42210000,\"message\":\"invalid timeframe\"}"));
        try (AlpacaRestClient client = client(5, 10)) {
            assertThatThrownBy(() -> client.bars(HistoricalQuery.symbols("AAPL").timeframe("7Min").build()).toList())
                    .isInstanceOfSatisfying(AlpacaRestException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.code()).isEqualTo(42210000);
                        assertThat(e.alpacaMessage()).isEqualTo("invalid timeframe");
                    });
            assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
        assertThat(server.received()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void everyRequestCarriesTheKeysAndTheQueryParameters() {
        String firstPage = "{\"bars\":{\"AAPL\":[]},\"next_page_token\":\"next\"}";
        server.then(Answer.ok(firstPage), Answer.ok("{\"bars\":{},\"next_page_token\":null}"));
        HistoricalQuery query = HistoricalQuery.symbols("AAPL", "MSFT").start(1_709_908_200_000_000_000L)
                .end(1_709_911_800_500_000_000L).limit(10_000).feed("iex").sort("desc").timeframe("1Min")
                .adjustment("split").asof("2024-03-08").build();
        try (AlpacaRestClient client = client(5, 10)) {
            assertThat(client.bars(query).toList()).isEmpty();
        }
        String parameters = "symbols=AAPL,MSFT&start=2024-03-08T14:30:00Z&end=2024-03-08T15:30:00.500Z&limit=10000"
                + "&feed=iex&sort=desc&timeframe=1Min&adjustment=split&asof=2024-03-08";
        assertThat(server.received()).extracting(ScriptedServer.Received::uri).containsExactly(
                "/v2/stocks/bars?" + parameters, "/v2/stocks/bars?" + parameters + "&page_token=next");
        assertThat(server.received()).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("key-id");
            assertThat(r.secret()).isEqualTo("secret-key");
        });
    }

    private AlpacaRestClient client(int maxRetries, int failureThreshold) {
        return AlpacaRestClient.builder().baseUrl(server.url()).credentials("key-id", "secret-key")
                .retries(maxRetries, BACKOFF).circuitBreaker(failureThreshold, Duration.ofSeconds(30))
                .time(time, time).build();
    }

    private static List<Trade> fetchAapl(AlpacaRestClient client) {
        return client.trades(HistoricalQuery.symbols("AAPL").build()).toList();
    }
}
