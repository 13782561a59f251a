package io.jonbu.ohlcv.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** One browser tab over the DevTools protocol: evaluate script in it, wait for what it shows, screenshot it. */
final class DevToolsPage implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    private DevToolsPage() {}

    static DevToolsPage connect(HttpClient http, URI debuggerUrl) throws IOException, InterruptedException {
        DevToolsPage page = new DevToolsPage();
        try {
            page.socket = http.newWebSocketBuilder().buildAsync(debuggerUrl, page.new Listener())
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot reach the tab's DevTools at " + debuggerUrl, e);
        }
        // uncaught exceptions and console errors of the page, for errors()
        page.call("Runtime.enable", ApiJson.mapper().createObjectNode());
        page.call("Log.enable", ApiJson.mapper().createObjectNode());
        return page;
    }

    /** The value of a script expression (awaiting it when it is a promise), as JSON. */
    JsonNode evaluate(String expression) {
        JsonNode reply = call("Runtime.evaluate", ApiJson.mapper().createObjectNode()
                .put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
        if (reply.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw evaluating " + expression + ": " + reply.path("exceptionDetails"));
        }
        return reply.path("result").path("value");
    }

    /**
     * Evaluates {@code expression} until its value satisfies {@code until}, at most {@code patience}:
     * a wait for the page, not a measure of its speed. Returns the value; throws with the last one.
     */
    JsonNode await(String expression, Predicate<JsonNode> until, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode value = evaluate(expression);
        while (!until.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + patience.toSeconds() + " s, " + expression + " is still " + value
                        + "; page errors: " + errors);
            }
            Thread.sleep(POLL_MILLIS);
            value = evaluate(expression);
        }
        return value;
    }

    /** Writes what the tab shows as a PNG. */
    void screenshot(Path png) throws IOException {
        JsonNode shot = call("Page.captureScreenshot", ApiJson.mapper().createObjectNode().put("format", "png"));
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** What the page reported as errors so far: uncaught exceptions and console/log errors. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        ObjectNode message = ApiJson.mapper().createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode answer = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.path("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer to " + method + " from chromium", e);
        } finally {
            calls.remove(id);
        }
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = calls.get(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.exceptionThrown" -> errors.add(params.path("exceptionDetails").path("exception").path("description").asText(
                    params.path("exceptionDetails").path("text").asText()));
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) {
                    errors.add("console.error: " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    errors.add(params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText());
                }
            }
            default -> { }
        }
    }

    /** Joins the fragments of each message (a screenshot comes in many) and hands it to {@link #received}. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    received(ApiJson.mapper().readTree(text.toString()));
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
