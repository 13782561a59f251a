package io.jonbu.ohlcv.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jonbu.ohlcv.bench.report.BenchArgs;
import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import io.jonbu.ohlcv.bench.report.MachineLoad;
import io.jonbu.ohlcv.bench.report.ProgramExit;
import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.sink.KafkaTopics;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Figure {@code ws-fanout} (with {@code ws-fanout-throughput} and {@code ws-fanout-rss}, as one figure
 * has one unit): serving ({@code jonbu serve}, its own process) fans forming 1m candles of
 * {@link #SYMBOLS} symbols, produced into Kafka's candles topic at {@link #CANDLES_PER_SECOND}, out to
 * 1k, 5k and 10k WebSocket clients of {@link FanoutClients} (another process, loopback), each subscribed
 * to {@link #PER_CLIENT} of the symbols. Measured: candles delivered per second, delivery latency
 * (produce to receipt, one clock), and serving's resident set at its largest during the window.
 * PostgreSQL and Kafka run in this process.
 */
public final class WsFanout {
    static final int SYMBOLS = 100;
    static final int PER_CLIENT = 10;
    static final double CANDLES_PER_SECOND = 200;
    static final List<Integer> CLIENTS = List.of(1_000, 5_000, 10_000);
    private static final double GOAL_CLIENTS = 5_000;
    private static final double GOAL_P99_MS = 100;
    private static final Pattern SERVING = Pattern.compile("serving http://localhost:(\\d+)");
    /** Bounds the run: connecting 10k clients on a busy 2-core machine takes about a minute. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WsFanout() {}

    /** The symbols S000, S001, ...: names no real listing has, so the candles cannot be taken for real ones. */
    static List<String> symbols(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format(Locale.ROOT, "S%03d", i)).toList();
    }

    /** One load-generator run at one client count, with what serving counted meanwhile. */
    record Run(int clients, JsonNode result, double rssMegabytes, Map<String, Double> servingCounters) {
        double delivered() {
            return result.path("received").asDouble() / result.path("seconds").asDouble();
        }

        /** Every candle produced in the window to every subscriber of its symbol. */
        double offered() {
            return CANDLES_PER_SECOND * PER_CLIENT / SYMBOLS * result.path("subscribed").asDouble();
        }

        double p50() {
            return result.path("p50").asDouble();
        }

        double p99() {
            return result.path("p99").asDouble();
        }

        String summary() {
            return String.format(Locale.ROOT, "%d clients (%d subscribed in %.1f s, %d closed by serving): %,.0f of %,.0f msgs/s "
                            + "delivered, p50 %.1f ms, p99 %.1f ms, max %.1f ms, serving RSS %.0f MB; serving counted %s",
                    clients, result.path("subscribed").asInt(), result.path("connectSeconds").asDouble(),
                    result.path("closedByServer").asInt(), delivered(), offered(), p50(), p99(), result.path("max").asDouble(),
                    rssMegabytes, servingCounters);
        }
    }

    public static void main(String[] args) {
        ProgramExit.run(args, WsFanout::run);
    }

    private static void run(String[] args) throws Exception {
        String loadAtStart = MachineLoad.averages();
        BenchArgs bench = BenchArgs.parse(args);
        long warmUp = bench.quick() ? 1_000 : 3_000;
        long measure = bench.quick() ? 2_000 : 10_000;
        // a quick run cannot connect 10k clients five times over (a minute each on a busy machine): it
        // takes its runs as consecutive windows on the same connections, a full run with new ones each
        int windows = bench.quick() ? BenchArgs.RUNS : 1;
        Map<Integer, List<Run>> runs = new LinkedHashMap<>();
        CLIENTS.forEach(c -> runs.put(c, new ArrayList<>()));
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary(); EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            KafkaSettings topics = KafkaSettings.of(kafka.bootstrapServers());
            KafkaTopics.ensure(topics, EmbeddedKafka.PARTITIONS);
            try (ChildProcess serving = ChildProcess.java("serving", List.of(), "io.jonbu.ohlcv.cli.Jonbu",
                    List.of("serve", "--db-url", db.jdbcUrl(), "--kafka-bootstrap", kafka.bootstrapServers(), "--port", "0"));
                 CandleTicker ticker = new CandleTicker(kafka.bootstrapServers(), topics.candlesTopic(), symbols(SYMBOLS), CANDLES_PER_SECOND)) {
                int port = Integer.parseInt(serving.await(SERVING, Duration.ofSeconds(60)).group(1));
                ticker.start();
                for (int r = 0; r < bench.runs(); r++) {
                    for (Run run : steps(serving, port, warmUp, measure, windows)) {
                        System.out.println("ws-fanout " + run.summary());
                        runs.get(run.clients()).add(run);
                    }
                }
            }
        }
        String load = MachineLoad.note(loadAtStart);
        System.out.println(load);
        for (Figure f : figures(runs, warmUp, measure, windows, load)) {
            System.out.println("wrote " + Figures.write(f, bench.out()));
        }
    }

    /**
     * One load generator stepping through {@link #CLIENTS}, measuring {@code windows} consecutive windows at
     * each: the connections of a step stay for the next.
     */
    private static List<Run> steps(ChildProcess serving, int port, long warmUp, long measure, int windows) throws Exception {
        List<Run> runs = new ArrayList<>();
        String counts = String.join(",", CLIENTS.stream().map(String::valueOf).toList());
        try (ChildProcess generator = ChildProcess.java("clients", List.of(), FanoutClients.class.getName(),
                List.of("--port", Integer.toString(port), "--clients", counts, "--symbols", Integer.toString(SYMBOLS),
                        "--per-client", Integer.toString(PER_CLIENT), "--warmup-ms", Long.toString(warmUp), "--measure-ms",
                        Long.toString(measure), "--windows", Integer.toString(windows)))) {
            for (int clients : CLIENTS) {
                generator.await(Pattern.compile("^READY " + clients + " "), CONNECT_TIMEOUT);
                for (int window = 0; window < windows; window++) {
                    generator.await(Pattern.compile("^MEASURING " + clients + " " + window + "$"), Duration.ofMillis(warmUp + measure + 10_000));
                    Map<String, Double> before = counters(port);
                    Pattern windowLine = Pattern.compile("^RESULT " + clients + " (\\{\"clients\":\\d+,\"window\":" + window + ",.*)");
                    long rss = 0;
                    long deadline = System.nanoTime() + Duration.ofMillis(measure + 30_000).toNanos();
                    Optional<Matcher> result = Optional.empty();
                    while (result.isEmpty() && System.nanoTime() < deadline && generator.isAlive()) {
                        rss = Math.max(rss, serving.rssBytes());
                        Thread.sleep(250);
                        result = generator.find(windowLine);
                    }
                    if (result.isEmpty()) {
                        result = Optional.of(generator.await(windowLine, Duration.ofSeconds(1)));
                    }
                    Map<String, Double> after = counters(port);
                    Map<String, Double> delta = new LinkedHashMap<>();
                    after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
                    runs.add(new Run(clients, JSON.readTree(result.get().group(1)), rss / 1e6, delta));
                }
            }
        }
        return runs;
    }

    /** Serving's stream counters from {@code /metrics}: candles sent, in how many messages, coalesced, dropped, slow disconnects. */
    private static Map<String, Double> counters(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> counters = new LinkedHashMap<>();
        for (String name : List.of("sent", "coalesced", "dropped")) {
            Matcher m = Pattern.compile("(?m)^jonbu_stream_messages_" + name + "_total (\\S+)").matcher(text);
            counters.put(name, m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
        }
        Matcher frames = Pattern.compile("(?m)^jonbu_stream_frames_sent_total (\\S+)").matcher(text);
        counters.put("messages", frames.find() ? Double.parseDouble(frames.group(1)) : Double.NaN);
        Matcher slow = Pattern.compile("(?m)^jonbu_stream_slow_disconnects_total (\\S+)").matcher(text);
        counters.put("slow disconnects", slow.find() ? Double.parseDouble(slow.group(1)) : Double.NaN);
        return counters;
    }

    static List<Figure> figures(Map<Integer, List<Run>> runs, long warmUp, long measure, int windows, String load) {
        String method = String.format(Locale.ROOT, """
                Serving (`jonbu serve`, default JVM options, its own process) reads Kafka's candles topic, into which \
                forming 1m candles (final:false, the job's JSON) of %d symbols are produced at %,.0f per second in all, \
                each carrying its produce time. A load generator in another process (java.net.http WebSockets over \
                loopback) opens N connections, %d handshakes at a time, and subscribes each to %d of the %d symbols \
                (every symbol has the same number of subscribers), so each client is offered %,.0f candles/s; after a \
                %d ms warm-up it counts, in each of %d consecutive %d ms windows (a run each; %s), every candle received \
                and its latency (receipt of the message carrying it minus produce time, one machine clock, 0.1 ms \
                buckets). Serving sends a client what waits in its queue as one message, a JSON array of candles. \
                Serving's RSS: VmRSS from /proc at its largest during the window. \
                The generator adds connections from one count to the next (1k, then 4k more, then 5k more). \
                PostgreSQL and Kafka run embedded in the coordinating process. fd limit here: 20000 per process, \
                enough for 10k connections on each side.""", SYMBOLS, CANDLES_PER_SECOND, FanoutClients.HANDSHAKES_IN_FLIGHT,
                PER_CLIENT, SYMBOLS,
                CANDLES_PER_SECOND * PER_CLIENT / SYMBOLS, warmUp, windows, measure,
                windows > 1 ? "the same connections throughout" : "a new load generator and connections for each run");
        List<String> notes = new ArrayList<>();
        notes.add(load);
        runs.values().forEach(rs -> rs.forEach(r -> notes.add(r.summary())));
        List<Run> atGoal = runs.getOrDefault((int) GOAL_CLIENTS, List.of());
        double p99AtGoal = Figures.median(atGoal.stream().map(Run::p99).toList());
        List<Figure.Goal> goals = List.of(new Figure.Goal("5,000 clients with p99 < 100 ms", p99AtGoal < GOAL_P99_MS,
                String.format(Locale.ROOT, "p99 %.1f ms at 5,000 clients (median of runs)", p99AtGoal)));
        return List.of(
                new Figure("ws-fanout", "WebSocket fan-out: delivery latency", method, "ms", false, Figure.Plot.LINES,
                        List.of(series("p99 delivery latency", false, runs, Run::p99), series("p50 delivery latency", false, runs, Run::p50)),
                        goals, notes),
                new Figure("ws-fanout-throughput", "WebSocket fan-out: candles delivered", method, "msgs/s", true, Figure.Plot.LINES,
                        List.of(series("delivered", false, runs, Run::delivered),
                                series("offered (every candle to every subscriber)", true, runs, Run::offered)),
                        List.of(), List.of()),
                new Figure("ws-fanout-rss", "WebSocket fan-out: serving memory", method, "MB", false, Figure.Plot.LINES,
                        List.of(series("serving RSS", false, runs, Run::rssMegabytes)), List.of(), List.of()));
    }

    private static Figure.Series series(String name, boolean anchor, Map<Integer, List<Run>> runs, ToDoubleFunction<Run> value) {
        List<Figure.Point> points = new ArrayList<>();
        runs.forEach((clients, rs) -> points.add(new Figure.Point(Integer.toString(clients),
                rs.stream().map(r -> value.applyAsDouble(r)).toList())));
        return new Figure.Series(name, anchor, points);
    }
}
