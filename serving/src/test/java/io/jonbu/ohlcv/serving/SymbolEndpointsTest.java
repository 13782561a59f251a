package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracked-symbol routes against the embedded PostgreSQL; each test uses symbols of its own. */
class SymbolEndpointsTest {
    private static RunningServer serving;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        serving = RunningServer.start();
        api = serving.api;
    }

    @AfterAll
    static void stop() {
        serving.close();
    }

    @Test
    void postedSymbolsAreTrackedInUpperCaseAndTheWholeListComesBack() {
        ApiClient.Reply reply = api.post("/api/v1/symbols", "{\"symbols\":[\"aapl\",\"BRK.B\",\"AAPL\"]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(bySymbol(reply.json())).containsKeys("AAPL", "BRK.B");
        assertThat(bySymbol(reply.json()).get("BRK.B").path("active").asBoolean()).isTrue();
        assertThat(bySymbol(api.get("/api/v1/symbols").json())).containsKeys("AAPL", "BRK.B");
    }

    @Test
    void deleteMarksInactiveAndPostingAgainReactivatesKeepingWhenItWasAdded() {
        String addedAt = bySymbol(api.post("/api/v1/symbols", "{\"symbols\":[\"MSFT\"]}").json())
                .get("MSFT").path("added_at").asText();

        assertThat(api.delete("/api/v1/symbols/msft").status()).isEqualTo(204);
        JsonNode removed = bySymbol(api.get("/api/v1/symbols").json()).get("MSFT");
        assertThat(removed.path("active").asBoolean()).isFalse();

        JsonNode back = bySymbol(api.post("/api/v1/symbols", "{\"symbols\":[\"MSFT\"]}").json()).get("MSFT");
        assertThat(back.path("active").asBoolean()).isTrue();
        assertThat(back.path("added_at").asText()).isEqualTo(addedAt).endsWith("Z");
    }

    @Test
    void deletingAnUntrackedSymbolIs404() {
        ApiClient.Reply reply = api.delete("/api/v1/symbols/ZZZZ");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).isEqualTo(ApiClient.errorBody("not_found", "symbol", "symbol ZZZZ is not tracked"));
    }

    @Test
    void invalidBodiesAre400NamingTheFieldAndTrackNothing() {
        for (String body : new String[] {"{\"symbols\":[\"AAPL\",\"DROP TABLE\"]}", "{\"symbols\":[]}", "{\"tickers\":[\"NVDA\"]}",
                "{\"symbols\":[\"NVDA\", 7]}", "not json", "{\"symbols\":\"NVDA\"}"}) {
            ApiClient.Reply reply = api.post("/api/v1/symbols", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("error").path("field").asText()).as(body).isEqualTo("symbols");
        }
        assertThat(bySymbol(api.get("/api/v1/symbols").json())).doesNotContainKey("NVDA");
    }

    @Test
    void anOversizedBodyIs413() {
        String body = "{\"symbols\":[" + "\"AAPL\",".repeat(5_000) + "\"AAPL\"]}";

        ApiClient.Reply reply = api.post("/api/v1/symbols", body);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("content_too_large");
    }

    private static Map<String, JsonNode> bySymbol(JsonNode list) {
        Map<String, JsonNode> symbols = new HashMap<>();
        list.path("symbols").forEach(symbol -> symbols.put(symbol.path("symbol").asText(), symbol));
        return symbols;
    }
}
