package io.jonbu.ohlcv.serving.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A real WebSocket client of {@code /api/v1/stream} that keeps every object it receives, split out of
 * the messages' arrays (one message may carry several, {@link ClientSession}). A client
 * made {@link #stalled} stops reading once its subscription is confirmed: okhttp reads frames on the
 * thread that runs the listener, so a blocked listener leaves the server's writes to pile up in the
 * TCP buffers.
 */
final class StreamClient implements AutoCloseable {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
    // a fixed small receive buffer, set before connecting, turns off the kernel's autotuning (up to
    // tens of MiB on loopback), so a client that stops reading backs the server up after a few MiB
    private static final OkHttpClient SMALL_BUFFER_HTTP = HTTP.newBuilder().socketFactory(new SmallReceiveBuffer()).build();

    private final LinkedBlockingQueue<JsonNode> objects = new LinkedBlockingQueue<>();
    /** The close code from the server, or -1 when the connection failed instead. */
    final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private final CountDownLatch reading;
    private final WebSocket socket;

    private StreamClient(int port, boolean stalled, Map<String, String> headers) {
        this.reading = new CountDownLatch(stalled ? 1 : 0);
        Request.Builder upgrade = new Request.Builder().url("ws://localhost:" + port + "/api/v1/stream");
        headers.forEach(upgrade::header);
        this.socket = (stalled ? SMALL_BUFFER_HTTP : HTTP).newWebSocket(upgrade.build(),
                new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket webSocket, String text) {
                        try {
                            JsonNode message = ApiJson.mapper().readTree(text);
                            if (!message.isArray() || message.isEmpty()) {
                                throw new IllegalStateException("expected an array of objects, got " + text);
                            }
                            message.forEach(objects::add);
                            for (JsonNode object : message) {
                                if (object.path("T").asText().equals("subscription")) {
                                    reading.await();
                                }
                            }
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("the server sent something other than JSON: " + text, e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void onClosing(WebSocket webSocket, int code, String reason) {
                        webSocket.close(code, null);
                        ended.complete(code);
                    }

                    @Override
                    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                        ended.complete(-1);
                    }
                });
    }

    static StreamClient connect(int port) {
        return new StreamClient(port, false, Map.of());
    }

    /** A client whose upgrade request carries {@code headers}, such as an API key. */
    static StreamClient connect(int port, Map<String, String> headers) {
        return new StreamClient(port, false, headers);
    }

    /** A client that reads nothing after its first subscription confirmation until {@link #resume()}. */
    static StreamClient stalled(int port) {
        return new StreamClient(port, true, Map.of());
    }

    void resume() {
        reading.countDown();
    }

    void send(String json) {
        socket.send(json);
    }

    /** The next object, failing after {@code timeout}. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode object = objects.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (object == null) {
            throw new AssertionError("no message within " + timeout);
        }
        if (!object.isObject()) {
            throw new AssertionError("expected an object in the message's array, got " + object);
        }
        return object;
    }

    /** The objects up to and including the first that matches {@code last}. */
    List<JsonNode> until(Predicate<JsonNode> last, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> received = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the expected message did not come within " + timeout + "; received " + received.size()
                        + (received.isEmpty() ? "" : ", the last " + received.get(received.size() - 1)));
            }
            JsonNode message = next(Duration.ofNanos(left));
            received.add(message);
            if (last.test(message)) {
                return received;
            }
        }
    }

    /** True when nothing arrives within {@code quiet}. */
    boolean silentFor(Duration quiet) throws InterruptedException {
        return objects.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    private static final class SmallReceiveBuffer extends SocketFactory {
        private static final int BYTES = 16 * 1024;

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(BYTES);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return createSocket(InetAddress.getByName(host), port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(InetAddress.getByName(host), port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            Socket socket = createSocket();
            socket.bind(new InetSocketAddress(localAddress, localPort));
            socket.connect(new InetSocketAddress(address, port));
            return socket;
        }
    }

    @Override
    public void close() {
        resume();
        socket.cancel();
    }
}
