package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    private static RunningServer serving;
    private static ApiClient api;
    private static int port;

    @BeforeAll
    static void start() {
        serving = RunningServer.start();
        api = serving.api;
        port = serving.port;
    }

    @AfterAll
    static void stop() {
        serving.close();
    }

    @Test
    void theDocumentListsExactlyTheRoutesTheServerHas() {
        JsonNode doc = api.get("/api/v1/openapi.json").json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");

        List<String> documented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }
        // Javalin writes a path parameter that may hold slashes as <symbol>; OpenAPI as {symbol}
        List<String> served = serving.server.routes().stream().map(r -> r.replace('<', '{').replace('>', '}')).toList();
        assertThat(served).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void theDescriptionDocumentsTheWebSocketStreamAndEachOfItsErrorCodes() {
        String description = api.get("/api/v1/openapi.json").json().path("info").path("description").asText();
        assertThat(description).contains("`/api/v1/stream`", "\"action\":\"subscribe\"", "\"T\":\"subscription\"",
                "\"T\":\"candle\"", "\"T\":\"enriched\"", "\"T\":\"error\"", "`400`", "`407`", "`413`");
    }

    @Test
    void everyReferencedSchemaExists() {
        String text = api.get("/api/v1/openapi.json").json().toString();
        JsonNode doc = api.get("/api/v1/openapi.json").json();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/(schemas|responses)/(\\w+)").matcher(text);
        while (refs.find()) {
            assertThat(doc.path("components").path(refs.group(1)).has(refs.group(2))).as(refs.group()).isTrue();
        }
    }

    @Test
    void theReferencePageRendersThePublishedDocument() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/docs")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("fetch(\"openapi.json\")");
    }
}
