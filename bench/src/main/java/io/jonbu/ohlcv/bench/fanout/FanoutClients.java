package io.jonbu.ohlcv.bench.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fan-out load generator, run in a process of its own so that it does not share serving's heap or
 * threads: for each count of {@code --clients 1000,5000,..} in turn, opens WebSocket connections up to it to serving's stream on loopback (java.net.http,
 * non-blocking, {@link #HTTP_CLIENTS} selector threads), subscribes each to the 1m candles of
 * {@code --per-client} of the {@code --symbols} symbols (spread so that every symbol has as many
 * subscribers), waits {@code --warmup-ms}, then, in each of {@code --windows} consecutive windows of
 * {@code --measure-ms}, counts every candle received and its delivery latency: receipt of the message
 * that carries it minus the produce time the producer put in the candle's {@code volume} (epoch
 * microseconds, same machine clock). A message is an array of one or more candles; each counts. Prints
 * {@code READY n}, then per window {@code MEASURING n w} and {@code RESULT n} with a JSON line of its
 * results; at the end exits, closing nothing gracefully (the server sees the connections drop).
 */
public final class FanoutClients {
    private static final int HTTP_CLIENTS = 2;
    static final int HANDSHAKES_IN_FLIGHT = 200;
    /** Latency histogram: 0.1 ms buckets up to 60 s; later ones go to the last. */
    private static final int BUCKETS = 600_000;
    private static final double BUCKET_MS = 0.1;
    private static final String VOLUME = "\"volume\":";

    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
    private final LongAdder received = new LongAdder();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int port = Integer.parseInt(options.get("--port"));
        List<Integer> steps = Arrays.stream(options.get("--clients").split(",")).map(Integer::parseInt).toList();
        List<String> symbols = WsFanout.symbols(Integer.parseInt(options.get("--symbols")));
        int perClient = Integer.parseInt(options.get("--per-client"));
        long warmUp = Long.parseLong(options.get("--warmup-ms"));
        long measure = Long.parseLong(options.get("--measure-ms"));
        int windows = Integer.parseInt(options.getOrDefault("--windows", "1"));
        new FanoutClients().run(port, steps, symbols, perClient, warmUp, measure, windows);
        System.exit(0);
    }

    private void run(int port, List<Integer> steps, List<String> symbols, int perClient, long warmUpMillis, long measureMillis,
            int windows) throws Exception {
        List<HttpClient> http = new ArrayList<>();
        for (int i = 0; i < HTTP_CLIENTS; i++) {
            http.add(HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build());
        }
        URI uri = URI.create("ws://127.0.0.1:" + port + "/api/v1/stream");
        ObjectMapper json = new ObjectMapper();
        Semaphore inFlight = new Semaphore(HANDSHAKES_IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        int stride = Math.max(1, symbols.size() / perClient);
        int connected = 0;
        for (int clients : steps) {
            List<CompletableFuture<?>> subscriptions = new ArrayList<>();
            long connectStart = System.nanoTime();
            for (int c = connected; c < clients; c++) {
                List<String> mine = new ArrayList<>();
                for (int j = 0; j < perClient; j++) {
                    mine.add(symbols.get((c + j * stride) % symbols.size()));
                }
                String subscribe = json.writeValueAsString(Map.of("action", "subscribe", "candles", mine, "timeframes", List.of("1m")));
                Client listener = new Client();
                inFlight.acquire();
                subscriptions.add(http.get(c % HTTP_CLIENTS).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                        .buildAsync(uri, listener)
                        .thenCompose(ws -> ws.sendText(subscribe, true))
                        .thenCompose(ws -> listener.subscribed)
                        .whenComplete((ok, error) -> {
                            inFlight.release();
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                        }));
            }
            for (CompletableFuture<?> s : subscriptions) {
                try {
                    s.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // counted in failed
                }
            }
            connected = clients;
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            System.out.println("READY " + clients + " (" + (clients - failed.get()) + " subscribed)");
            Thread.sleep(warmUpMillis);
            for (int window = 0; window < windows; window++) {
                for (int i = 0; i < BUCKETS; i++) {
                    histogram.set(i, 0);
                }
                received.reset();
                System.out.println("MEASURING " + clients + " " + window);
                measuring = true;
                long from = System.nanoTime();
                Thread.sleep(measureMillis);
                measuring = false;
                double seconds = (System.nanoTime() - from) / 1e9;

                Map<String, Object> result = new LinkedHashMap<>();
                result.put("clients", clients);
                result.put("window", window);
                result.put("subscribed", clients - failed.get());
                result.put("connectSeconds", connectSeconds);
                result.put("closedByServer", closedByServer.get());
                result.put("received", received.sum());
                result.put("seconds", seconds);
                result.put("p50", quantile(0.5));
                result.put("p99", quantile(0.99));
                result.put("max", quantile(1.0));
                System.out.println("RESULT " + clients + " " + json.writeValueAsString(result));
                System.out.flush();
            }
        }
    }

    /** Nearest-rank quantile of the measured latencies, in ms (bucket upper bounds). */
    private double quantile(double q) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += histogram.get(i);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_MS;
            }
        }
        return BUCKETS * BUCKET_MS;
    }

    /** One connection: assembles frames into messages and times each candle in them. */
    private final class Client implements WebSocket.Listener {
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final StringBuilder frames = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long nowMicros = epochMicros();
            CharSequence text = data;
            if (!last || frames.length() > 0) {
                frames.append(data);
                text = frames;
            }
            if (last) {
                received(text, nowMicros);
                frames.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void received(CharSequence text, long nowMicros) {
            String s = text.toString();
            if (!subscribed.isDone() && s.contains("\"T\":\"subscription\"")) {
                subscribed.complete(null);
            }
            if (!measuring) {
                return;
            }
            // each candle of the array carries its produce time in its volume: no JSON tree needed
            for (int at = s.indexOf(VOLUME); at >= 0; at = s.indexOf(VOLUME, at)) {
                int from = at + VOLUME.length();
                int to = from;
                while (to < s.length() && Character.isDigit(s.charAt(to))) {
                    to++;
                }
                long producedMicros = Long.parseLong(s, from, to, 10);
                int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, (nowMicros - producedMicros) / (BUCKET_MS * 1000)));
                histogram.incrementAndGet(bucket);
                received.increment();
                at = to;
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.incrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            subscribed.completeExceptionally(error);
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
