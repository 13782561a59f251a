package io.jonbu.ohlcv.source.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that answers from a script: each request takes the next answer,
 * and the last one repeats. It records what it was asked, headers included.
 */
final class ScriptedServer implements AutoCloseable {

    record Answer(int status, Map<String, String> headers, String body) {
        static Answer ok(String body) {
            return new Answer(200, Map.of(), body);
        }

        static Answer status(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    /** One request as received, the query decoded. */
    record Received(String uri, String key, String secret) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer last;

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Appends answers; the last answer of the script repeats once the script is used up. */
    ScriptedServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        received.add(new Received(uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()),
                exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID"),
                exchange.getRequestHeaders().getFirst("APCA-API-SECRET-KEY")));
        Answer next = script.poll();
        Answer answer = next != null ? next : last;
        last = answer;
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
