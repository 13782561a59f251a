package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A plain okhttp WebSocket client that records what the simulator sends. */
final class TestClient implements AutoCloseable {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String TRADE = "{\"T\":\"t\"";

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong trades = new AtomicLong();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private TestClient(String url, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url);
        headers.forEach(request::header);
        socket = HTTP.newWebSocket(request.build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket ws, String text) {
                received.incrementAndGet();
                trades.addAndGet(tradesIn(text));
                frames.add(text);
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                ws.close(1000, null);
                closed.complete(code + " " + reason);
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                closed.complete("failure " + t);
            }
        });
    }

    static TestClient connect(String url) {
        return new TestClient(url, Map.of());
    }

    static TestClient connect(String url, Map<String, String> headers) {
        return new TestClient(url, headers);
    }

    /** Connects, reads the greeting, authenticates and subscribes to the trades of {@code symbols}. */
    static TestClient subscribed(String url, String... symbols) {
        TestClient client = connect(url);
        client.next();
        client.send("{\"action\":\"auth\",\"key\":\"k\",\"secret\":\"s\"}");
        assertThat(client.next()).isEqualTo("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
        client.send("{\"action\":\"subscribe\",\"trades\":[\"" + String.join("\",\"", symbols) + "\"]}");
        assertThat(client.next()).startsWith("[{\"T\":\"subscription\"");
        return client;
    }

    void send(String text) {
        socket.send(text);
    }

    /** The next frame; fails the test if none arrives in time. */
    String next() {
        try {
            String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame within %s", WAIT).isNotNull();
            return frame;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads frames until they have held {@code count} trades; every frame must be an array of trade
     * messages that all decode (a dead letter fails the test).
     */
    List<Trade> trades(int count) {
        List<Trade> trades = new ArrayList<>();
        AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("simulator");
        while (trades.size() < count) {
            String frame = next();
            assertThat(frame).startsWith("[{\"T\":\"t\",");
            decoder.decode(frame, event -> {
                assertThat(event.deadLetter()).as("every message decodes").isNull();
                trades.add(event.trade());
            });
        }
        return trades;
    }

    /** The next frame within {@code timeout}, or null. */
    String poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long received() {
        return received.get();
    }

    /** Trade messages received so far, in all frames. */
    long trades() {
        return trades.get();
    }

    private static long tradesIn(String frame) {
        long n = 0;
        for (int i = frame.indexOf(TRADE); i >= 0; i = frame.indexOf(TRADE, i + TRADE.length())) {
            n++;
        }
        return n;
    }

    /** How the server ended the connection; fails the test if it did not within the wait. */
    String awaitClosed() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.cancel();
    }
}
