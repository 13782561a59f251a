package io.jonbu.ohlcv.serving;

import static io.jonbu.ohlcv.serving.ApiClient.errorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.ApiClient.Reply;
import io.jonbu.ohlcv.serving.candle.CandleHistory;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CandleEndpointsTest {
    private static final long OPEN_2024_03_08 = EpochNanos.parse("2024-03-08T14:30:00Z");
    /** Ten 1m candles 14:30..14:39; the last is still forming. */
    private static final List<Candle> AAPL_1M = IntStream.range(0, 10)
            .mapToObj(i -> candle("AAPL", Timeframe.M1, i, i < 9)).toList();
    private static final List<Candle> AAPL_5M = IntStream.range(0, 2)
            .mapToObj(i -> candle("AAPL", Timeframe.M5, i, true)).toList();
    private static final Candle BTC_USD = candle("BTC/USD", Timeframe.M1, 0, true);
    /** One more than the default limit. */
    private static final List<Candle> SPY_1M = IntStream.range(0, 1001)
            .mapToObj(i -> candle("SPY", Timeframe.M1, i, true)).toList();
    /** More than one fetch of a streamed read. */
    private static final List<Candle> LONG_1M = IntStream.range(0, 25_000)
            .mapToObj(i -> candle("LONG", Timeframe.M1, i, true)).toList();
    /** Four candles, the last unreadable: it ends after 2262, beyond epoch nanoseconds. */
    private static final List<Candle> BAD_1M = IntStream.range(0, 4)
            .mapToObj(i -> candle("BAD", Timeframe.M1, i, true)).toList();

    private static RunningServer serving;
    private static EmbeddedDatabase db;
    private static ApiClient api;

    @BeforeAll
    static void start() throws SQLException {
        serving = RunningServer.start();
        db = serving.db;
        api = serving.api;
        List<Candle> all = new ArrayList<>(AAPL_1M);
        all.addAll(AAPL_5M);
        all.add(BTC_USD);
        all.addAll(SPY_1M);
        all.addAll(LONG_1M);
        all.addAll(BAD_1M);
        CandleRows.insert(db.dataSource(), all);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE candles SET end_time = '2300-01-01' WHERE symbol = 'BAD' AND start_time = '"
                    + EpochNanos.format(BAD_1M.get(3).start()) + "'");
        }
        CandleRows.track(db.dataSource(), "MSFT");
    }

    @AfterAll
    static void stop() {
        serving.close();
    }

    @Test
    void latestIsTheCandleWithTheGreatestStart() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(candle(reply.json())).isEqualTo(AAPL_1M.get(9));
        assertThat(reply.json().get("start").asText()).isEqualTo("2024-03-08T14:39:00Z");
        assertThat(reply.json().get("final").asBoolean()).isFalse();
    }

    @Test
    void latestReadsTheRequestedTimeframe() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL?timeframe=5m");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(candle(reply.json())).isEqualTo(AAPL_5M.get(1));
    }

    @Test
    void symbolInThePathIsCaseInsensitive() {
        assertThat(candle(api.get("/api/v1/ohlcv/aApl").json())).isEqualTo(AAPL_1M.get(9));
        assertThat(api.get("/api/v1/ohlcv/aapl/history").json().get("symbol").asText()).isEqualTo("AAPL");
    }

    @Test
    void symbolWithASlashIsServed() {
        assertThat(candle(api.get("/api/v1/ohlcv/btc/usd").json())).isEqualTo(BTC_USD);
        assertThat(candles(api.get("/api/v1/ohlcv/BTC/USD/history").json())).containsExactly(BTC_USD);
    }

    @Test
    void latestInATimeframeWithoutCandlesIsNotFound() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL?timeframe=1h");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).isEqualTo(errorBody("not_found", "timeframe", "no 1h candle for 'AAPL'"));
    }

    @Test
    void latestOfATrackedSymbolWithoutCandlesIsNotFound() {
        Reply reply = api.get("/api/v1/ohlcv/MSFT");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).isEqualTo(errorBody("not_found", "timeframe", "no 1m candle for 'MSFT'"));
    }

    @Test
    void unknownSymbolIsNotFound() {
        JsonNode expected = errorBody("not_found", "symbol", "unknown symbol 'XYZ'");
        for (String path : List.of("/api/v1/ohlcv/xyz", "/api/v1/ohlcv/XYZ/history")) {
            Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json()).as(path).isEqualTo(expected);
        }
    }

    @Test
    void historyAscendsByStartWithinTheHalfOpenRange() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL/history?start=2024-03-08T14:32:00Z&end=2024-03-08T14:35:00Z");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("symbol").asText()).isEqualTo("AAPL");
        assertThat(reply.json().get("timeframe").asText()).isEqualTo("1m");
        assertThat(candles(reply.json())).containsExactlyElementsOf(AAPL_1M.subList(2, 5));
    }

    @Test
    void historyReadsTheRequestedTimeframe() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL/history?timeframe=5m&start=2024-03-08T14:30:00Z");

        assertThat(reply.json().get("timeframe").asText()).isEqualTo("5m");
        assertThat(candles(reply.json())).containsExactlyElementsOf(AAPL_5M);
    }

    @Test
    void historyOfARangeLargerThanTheLimitReturnsTheFirstCandlesFromStart() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL/history?start=2024-03-08T14:30:00Z&end=2024-03-08T14:40:00Z&limit=2");

        assertThat(candles(reply.json())).containsExactlyElementsOf(AAPL_1M.subList(0, 2));
    }

    @Test
    void historyWithoutStartReturnsTheLatestCandlesBeforeEndAscending() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL/history?end=2024-03-08T14:38:00Z&limit=3");

        assertThat(candles(reply.json())).containsExactlyElementsOf(AAPL_1M.subList(5, 8));
    }

    @Test
    void historyWithoutParametersReturnsEverythingUpToNow() {
        assertThat(candles(api.get("/api/v1/ohlcv/AAPL/history").json())).containsExactlyElementsOf(AAPL_1M);
    }

    @Test
    void historyLimitDefaultsToOneThousand() {
        assertThat(candles(api.get("/api/v1/ohlcv/SPY/history").json()))
                .containsExactlyElementsOf(SPY_1M.subList(1, 1001));
        assertThat(candles(api.get("/api/v1/ohlcv/SPY/history?start=2024-03-08").json()))
                .containsExactlyElementsOf(SPY_1M.subList(0, 1000));
        assertThat(candles(api.get("/api/v1/ohlcv/SPY/history?limit=10000").json()))
                .containsExactlyElementsOf(SPY_1M);
    }

    @Test
    void historyAcceptsPlainDatesAsMidnightUtc() {
        assertThat(candles(api.get("/api/v1/ohlcv/AAPL/history?start=2024-03-08&end=2024-03-09").json()))
                .containsExactlyElementsOf(AAPL_1M);
        assertThat(candles(api.get("/api/v1/ohlcv/AAPL/history?start=2024-03-07&end=2024-03-08").json()))
                .isEmpty();
    }

    @Test
    void historyAcceptsTimesWithAnOffset() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL/history?start=2024-03-08T09:38:00-05:00");

        assertThat(candles(reply.json())).containsExactlyElementsOf(AAPL_1M.subList(8, 10));
    }

    @Test
    void historyOfATrackedSymbolWithoutCandlesIsEmpty() {
        Reply reply = api.get("/api/v1/ohlcv/MSFT/history");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("symbol").asText()).isEqualTo("MSFT");
        assertThat(candles(reply.json())).isEmpty();
    }

    @Test
    void pagesFollowTheTokenToExactlyEveryCandleOfTheRange() {
        List<Candle> all = new ArrayList<>();
        String url = "/api/v1/ohlcv/SPY/history?timeframe=1m&start=2024-03-08&end=2024-03-10&limit=400";
        String token = null;
        int pages = 0;
        do {
            JsonNode page = api.get(token == null ? url : url + "&page_token=" + token).json();
            all.addAll(candles(page));
            token = page.path("next_page_token").isNull() ? null : page.path("next_page_token").asText();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).containsExactlyElementsOf(SPY_1M);
    }

    @Test
    void theLastPageAndALatestPageHaveNoToken() {
        assertThat(api.get("/api/v1/ohlcv/AAPL/history?start=2024-03-08").json().path("next_page_token").isNull()).isTrue();
        assertThat(api.get("/api/v1/ohlcv/SPY/history?limit=2").json().path("next_page_token").isNull()).isTrue();
    }

    @Test
    void aTokenOfAnotherSeriesOrNoTokenAtAllIs400() {
        String spyToken = api.get("/api/v1/ohlcv/SPY/history?start=2024-03-08&limit=1").json().path("next_page_token").asText();
        assertThat(api.get("/api/v1/ohlcv/AAPL/history?page_token=" + spyToken).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ohlcv/SPY/history?timeframe=5m&page_token=" + spyToken).json().path("error").path("field").asText())
                .isEqualTo("page_token");
        assertThat(api.get("/api/v1/ohlcv/SPY/history?page_token=%21%21").status()).isEqualTo(400);
    }

    @Test
    void historyIsTheJsonOfItsCandlesByteForByte() throws JsonProcessingException {
        Reply page = api.get("/api/v1/ohlcv/AAPL/history?start=2024-03-08&limit=4");
        String token = page.json().get("next_page_token").asText();
        Reply latest = api.get("/api/v1/ohlcv/AAPL/history?timeframe=5m");
        Reply empty = api.get("/api/v1/ohlcv/MSFT/history");

        assertThat(page.text()).isEqualTo(ApiJson.mapper().writeValueAsString(
                new CandleHistory<>("AAPL", Timeframe.M1, AAPL_1M.subList(0, 4), token)));
        assertThat(latest.text()).isEqualTo(ApiJson.mapper().writeValueAsString(
                new CandleHistory<>("AAPL", Timeframe.M5, AAPL_5M, null)));
        assertThat(empty.text()).isEqualTo(ApiJson.mapper().writeValueAsString(
                new CandleHistory<>("MSFT", Timeframe.M1, List.of(), null)));
        assertThat(page.contentType()).startsWith("application/json");
    }

    @Test
    void aLimitAboveTenThousandReadsALongRangeInOneResponse() {
        String range = "/api/v1/ohlcv/LONG/history?start=2024-03-08&end=2024-04-08";
        JsonNode first = api.get(range + "&limit=20000").json();
        JsonNode rest = api.get(range + "&limit=20000&page_token=" + first.get("next_page_token").asText()).json();
        JsonNode whole = api.get(range + "&limit=200000").json();
        JsonNode latest = api.get("/api/v1/ohlcv/LONG/history?end=2024-04-08&limit=20000").json();

        assertThat(candles(first)).containsExactlyElementsOf(LONG_1M.subList(0, 20_000));
        assertThat(candles(rest)).containsExactlyElementsOf(LONG_1M.subList(20_000, 25_000));
        assertThat(rest.get("next_page_token").isNull()).isTrue();
        assertThat(candles(whole)).containsExactlyElementsOf(LONG_1M);
        assertThat(whole.get("next_page_token").isNull()).isTrue();
        assertThat(candles(latest)).containsExactlyElementsOf(LONG_1M.subList(5_000, 25_000));
    }

    @Test
    void aFailureAfterTheBodyBeganCutsTheConnectionRatherThanEndIt() {
        assertThatThrownBy(() -> api.get("/api/v1/ohlcv/BAD/history?start=2024-03-08"))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> api.get("/api/v1/ohlcv/BAD/history?start=2024-03-08&limit=50000"))
                .isInstanceOf(UncheckedIOException.class);
        // before the body, the error is a status as ever
        Reply first = api.get("/api/v1/ohlcv/BAD/history?start=" + EpochNanos.format(BAD_1M.get(3).start()));
        assertThat(first.status()).isEqualTo(500);
        assertThat(first.json()).isEqualTo(errorBody("internal_error", null, "internal server error"));
        assertThat(api.get("/api/v1/ohlcv/BAD/history?start=2024-03-08&limit=3").json().get("candles")).hasSize(3);
    }

    @Test
    void severalSymbolsComeAsOneSeriesEachAndOneTokenPagesThemAll() {
        String query = "/api/v1/ohlcv/history?symbols=aapl,BTC/USD,MSFT,AAPL&start=2024-03-08T14:30:00Z&end=2024-03-09T00:00:00Z&limit=4";
        Reply first = api.get(query);

        assertThat(first.status()).as(first.json().toString()).isEqualTo(200);
        JsonNode series = first.json().get("series");
        assertThat(series).hasSize(3);
        assertThat(List.of(series.get(0), series.get(1), series.get(2))).map(n -> n.get("symbol").asText())
                .containsExactly("AAPL", "BTC/USD", "MSFT");
        assertThat(candles(series.get(0))).isEqualTo(AAPL_1M.subList(0, 4));
        assertThat(series.get(0).get("has_more").asBoolean()).isTrue();
        assertThat(candles(series.get(1))).containsExactly(BTC_USD);
        assertThat(series.get(1).get("has_more").asBoolean()).isFalse();
        assertThat(candles(series.get(2))).as("tracked, no candles yet").isEmpty();

        Reply second = api.get(query + "&page_token=" + first.json().get("next_page_token").asText());
        assertThat(candles(second.json().get("series").get(0))).isEqualTo(AAPL_1M.subList(4, 8));
        assertThat(candles(second.json().get("series").get(1))).as("ended on the first page").isEmpty();
        Reply third = api.get(query + "&page_token=" + second.json().get("next_page_token").asText());
        assertThat(candles(third.json().get("series").get(0))).isEqualTo(AAPL_1M.subList(8, 10));
        assertThat(third.json().get("next_page_token").isNull()).isTrue();

        Reply latest = api.get("/api/v1/ohlcv/history?symbols=SPY,AAPL&limit=2&end=2024-03-10T00:00:00Z");
        assertThat(candles(latest.json().get("series").get(0))).isEqualTo(SPY_1M.subList(999, 1001));
        assertThat(candles(latest.json().get("series").get(1))).isEqualTo(AAPL_1M.subList(8, 10));
    }

    @Test
    void severalSymbolsValidateEachParameterNamingIt() {
        assertThat(api.get("/api/v1/ohlcv/history").json().at("/error/field").asText()).isEqualTo("symbols");
        Reply bad = api.get("/api/v1/ohlcv/history?symbols=AAPL,1BAD");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/field").asText()).isEqualTo("symbols");
        assertThat(bad.json().at("/error/message").asText()).contains("'1BAD'");
        Reply unknown = api.get("/api/v1/ohlcv/history?symbols=AAPL,NOPE");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).isEqualTo(errorBody("not_found", "symbol", "unknown symbol 'NOPE'"));
        Reply tooMany = api.get("/api/v1/ohlcv/history?symbols=A,B,C,D,E,F,G,H,I,J,K&limit=10000&start=2024-03-08");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().at("/error/field").asText()).isEqualTo("limit");
        String singleToken = api.get("/api/v1/ohlcv/SPY/history?start=2024-03-08T14:30:00Z&end=2024-03-09T00:00:00Z")
                .json().get("next_page_token").asText();
        Reply foreign = api.get("/api/v1/ohlcv/history?symbols=SPY&page_token=" + singleToken);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().at("/error/field").asText()).isEqualTo("page_token");
    }

    private static Candle candle(String symbol, Timeframe timeframe, int index, boolean isFinal) {
        long start = OPEN_2024_03_08 + index * timeframe.nominalNanos();
        double open = 170.0 + index;
        return new Candle(symbol, timeframe, start, timeframe.end(start), open, open + 1.25, open - 0.5,
                open + 0.75, 1_000L + index, 10L + index, open + 0.375, isFinal, index % 2);
    }

    private static Candle candle(JsonNode json) {
        try {
            return ApiJson.mapper().treeToValue(json, Candle.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a candle: " + json, e);
        }
    }

    private static List<Candle> candles(JsonNode history) {
        List<Candle> candles = new ArrayList<>();
        history.get("candles").forEach(json -> candles.add(candle(json)));
        return candles;
    }
}
