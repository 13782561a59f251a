package io.jonbu.ohlcv.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.jonbu.ohlcv.bench.report.BenchArgs;
import io.jonbu.ohlcv.bench.report.Figure.Goal;
import io.jonbu.ohlcv.bench.report.Figure.Point;
import io.jonbu.ohlcv.bench.report.Figure.Series;
import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import io.jonbu.ohlcv.bench.report.MachineLoad;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.DatabasePool;
import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Figure 5, history queries: one symbol's year of 1m candles among others written interleaved, read
 * whole through the REST API (at the largest limit, following {@code next_page_token} should one come) and as the one
 * SQL query the endpoint runs, timed by the server; and pages of 500 under {@code wrk}. The anchor is
 * the same data in a copy of the table whose primary key carries no value columns, so PostgreSQL must
 * visit the heap page of every row. Runs embedded PostgreSQL and the serving layer in this JVM.
 *
 * <p>Usage: {@code HistoryQueries [--quick] [--out DIR]}
 */
public final class HistoryQueries {
    private static final String SYMBOL = "AAPL";
    private static final String ANCHOR_TABLE = "candles_pk_only";
    /** The history endpoint's largest limit: a year of 1m candles in one streamed response, what a client reading it all asks. */
    private static final int FULL_READ_LIMIT = 200_000;
    private static final int PAGE = 500;
    private static final int WRK_CONNECTIONS = 16;
    /** As many as the serving layer's pool holds, so the anchor has the database to itself as much as serving does. */
    private static final int JDBC_THREADS = 8;
    private static final ZonedDateTime YEAR_START = ZonedDateTime.of(YearOfCandles.YEAR, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));
    private static final ZonedDateTime YEAR_END = YEAR_START.plusYears(1);
    // CandleRepository's range query: the serving layer runs this, LIMIT one more than a page
    private static final String RANGE = "SELECT symbol, timeframe, start_time, end_time, open, high, low, close, volume,"
            + " trade_count, vwap, is_final, revision, session FROM %s WHERE symbol = '%s' AND timeframe = '1m'"
            + " AND start_time >= '%s' AND start_time < '%s' ORDER BY start_time LIMIT %d";

    private final BenchArgs args;
    private final EmbeddedDatabase db;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = ApiJson.mapper();
    private final List<String> pageStarts = pageStarts();
    private final Random random = new Random(7);

    private HistoryQueries(BenchArgs args, EmbeddedDatabase db, String baseUrl) {
        this.args = args;
        this.db = db;
        this.baseUrl = baseUrl;
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        int others = args.pick(4, 19);
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + ANCHOR_TABLE + " (LIKE candles INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                s.execute("ALTER TABLE " + ANCHOR_TABLE + " ADD PRIMARY KEY (symbol, timeframe, start_time)");
            }
            List<String> symbols = YearOfCandles.symbols(SYMBOL, others);
            long loading = System.nanoTime();
            YearOfCandles.load(db.dataSource(), symbols, List.of("candles", ANCHOR_TABLE));
            System.out.printf(Locale.ROOT, "history-queries: loaded %,d rows into each table in %.1f s%n",
                    (long) symbols.size() * YearOfCandles.ROWS_PER_SYMBOL, (System.nanoTime() - loading) / 1e9);
            try (HikariDataSource pool = DatabasePool.open(db.jdbcUrl(), db.user(), null);
                 ServingServer serving = new ServingServer(pool, pool, 0, null)) {
                int port = serving.start();
                HistoryQueries bench = new HistoryQueries(args, db, "http://127.0.0.1:" + port);
                for (Figure f : bench.measure(symbols.size())) {
                    System.out.println("history-queries: wrote " + Figures.write(f, args.out()));
                }
            }
        }
    }

    private List<Figure> measure(int symbols) throws Exception {
        String loadBefore = MachineLoad.averages();
        int runs = args.pick(5, 7);
        int pagesPerRun = args.pick(10, 100);
        String data = String.format(Locale.ROOT, "%s's %d regular-session 1m candles of %d among %d symbols (%,d rows),"
                + " written minute by minute across the symbols as a live feed writes them, then VACUUM ANALYZE",
                SYMBOL, YearOfCandles.ROWS_PER_SYMBOL, YearOfCandles.YEAR, symbols, (long) symbols * YearOfCandles.ROWS_PER_SYMBOL);
        restFullYear(); // warms the server's JIT and PostgreSQL's buffers; not counted

        List<Double> restYear = new ArrayList<>();
        List<Double> sqlYear = new ArrayList<>();
        List<Double> anchorYear = new ArrayList<>();
        List<Double> restPage = new ArrayList<>();
        List<Double> sqlPage = new ArrayList<>();
        List<Double> anchorPage = new ArrayList<>();
        String coveringPlan = "";
        String anchorPlan = "";
        for (int run = 0; run < runs; run++) {
            restYear.add(restFullYear());
            Explained covering = explain(rangeOf("candles", YEAR_START.toInstant().toString(), YearOfCandles.ROWS_PER_SYMBOL + 1));
            Explained anchor = explain(rangeOf(ANCHOR_TABLE, YEAR_START.toInstant().toString(), YearOfCandles.ROWS_PER_SYMBOL + 1));
            sqlYear.add(covering.millis());
            anchorYear.add(anchor.millis());
            coveringPlan = covering.plan();
            anchorPlan = anchor.plan();
            double rest = 0;
            double sql = 0;
            double pk = 0;
            for (int i = 0; i < pagesPerRun; i++) {
                String start = pageStarts.get(random.nextInt(pageStarts.size()));
                long asked = System.nanoTime();
                if (get(pagePath(start)).path("candles").size() != PAGE) {
                    throw new IllegalStateException("a page from " + start + " did not hold " + PAGE + " candles");
                }
                rest += (System.nanoTime() - asked) / 1e6;
                sql += explain(rangeOf("candles", start, PAGE + 1)).millis();
                pk += explain(rangeOf(ANCHOR_TABLE, start, PAGE + 1)).millis();
            }
            restPage.add(rest / pagesPerRun);
            sqlPage.add(sql / pagesPerRun);
            anchorPage.add(pk / pagesPerRun);
        }
        String year = "full year";
        String page = "page of " + PAGE;
        Figure queries = new Figure("history-queries", "History queries: one symbol's year of 1m candles, and a page of 500",
                data + ". A run reads the full year through the REST API (GET .../history?timeframe=1m&start&end&limit="
                        + FULL_READ_LIMIT + ", the largest, following next_page_token should one come; client wall time,"
                        + " the body parsed into a tree as it arrives) and as the single SQL"
                        + " query the endpoint runs (EXPLAIN ANALYZE execution time on the server); then " + pagesPerRun
                        + " pages of " + PAGE + " at random days, the same ways (mean per page). The serving layer runs in"
                        + " the benchmark's JVM on its production pool (HikariCP, 8 connections), auth none, over loopback."
                        + " Anchor: the same rows, written the same way, in a copy of the table whose primary key has no"
                        + " INCLUDE columns. One warm-up full read is not counted.",
                "ms", false, Figure.Plot.BARS,
                List.of(new Series("REST API (limit up to " + FULL_READ_LIMIT + ")", false, List.of(new Point(year, restYear), new Point(page, restPage))),
                        new Series("SQL, covering primary key (server time)", false,
                                List.of(new Point(year, sqlYear), new Point(page, sqlPage))),
                        new Series("SQL, primary key without INCLUDE (server time)", true,
                                List.of(new Point(year, anchorYear), new Point(page, anchorPage)))),
                List.of(new Goal("full-range fetch < 100 ms", Figures.median(restYear) < 100,
                        fmt(Figures.median(restYear)) + " ms median through the REST API; the query alone "
                                + fmt(Figures.median(sqlYear)) + " ms on the server")),
                List.of("Plan of the full-year query: " + coveringPlan + "; on the anchor table: " + anchorPlan + ".",
                        "ANCHORS.md measured 200-255 ms without the covering index and 21.6 ms with it on 20 symbols;"
                                + " this run has " + symbols + ".",
                        MachineLoad.note(loadBefore)));
        return List.of(queries, underLoad(runs, data));
    }

    /** Pages of 500 at random days under wrk, and the same queries straight over JDBC as the anchor. */
    private Figure underLoad(int runs, String data) throws Exception {
        String loadBefore = MachineLoad.averages();
        Duration duration = Duration.ofSeconds(args.pick(3, 10));
        Wrk wrk = new Wrk(baseUrl, pageStarts.stream().map(this::pagePath).toList(), 2, WRK_CONNECTIONS);
        wrk.run(Duration.ofSeconds(2)); // warm-up
        List<Double> rest = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Wrk.Result r = wrk.run(duration);
            rest.add(r.requestsPerSecond());
            p99.add(r.p99Millis());
            jdbc.add(jdbcQueriesPerSecond(duration));
        }
        String x = "limit=" + PAGE + ", random day";
        double rate = Figures.median(rest);
        double p99Median = Figures.median(p99);
        return new Figure("history-wrk", "History under load: pages of 500 candles, requests per second",
                data + ". wrk (2 threads, " + WRK_CONNECTIONS + " connections, --latency, " + duration.toSeconds()
                        + " s a run) asks GET /api/v1/ohlcv/" + SYMBOL + "/history?timeframe=1m&start=<a random trading day"
                        + " 09:30 New York>&limit=" + PAGE + " of the serving layer in the benchmark's JVM; wrk, the server"
                        + " and PostgreSQL share the machine's cores. Anchor: the same query at the same random starts"
                        + " straight over JDBC from " + JDBC_THREADS + " threads for as long, every row read (PostgreSQL's"
                        + " own rate, without HTTP and JSON). One 2 s wrk warm-up is not counted.",
                "req/s", true, Figure.Plot.BARS,
                List.of(new Series("REST API under wrk", false, List.of(new Point(x, rest))),
                        new Series("SQL over JDBC, " + JDBC_THREADS + " threads", true, List.of(new Point(x, jdbc)))),
                List.of(new Goal(">= 2,000 req/s at limit=500", rate >= 2000, fmt(rate) + " req/s median, p99 "
                        + fmt(p99Median) + " ms")),
                List.of("wrk's p99 latency per run (ms): " + p99.stream().map(HistoryQueries::fmt).toList()
                        + "; median " + fmt(p99Median) + " ms.",
                        MachineLoad.note(loadBefore)));
    }

    /** Reads the symbol's year through the API, page after page; returns the wall time in ms. */
    private double restFullYear() throws Exception {
        long started = System.nanoTime();
        String path = "/api/v1/ohlcv/" + SYMBOL + "/history?timeframe=1m&start=" + YEAR_START.toInstant() + "&end="
                + YEAR_END.toInstant() + "&limit=" + FULL_READ_LIMIT;
        int candles = 0;
        String token = null;
        do {
            JsonNode body = get(token == null ? path : path + "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            candles += body.path("candles").size();
            token = body.path("next_page_token").isTextual() ? body.path("next_page_token").asText() : null;
        } while (token != null);
        double millis = (System.nanoTime() - started) / 1e6;
        if (candles != YearOfCandles.ROWS_PER_SYMBOL) {
            throw new IllegalStateException("read " + candles + " candles of the year, expected " + YearOfCandles.ROWS_PER_SYMBOL);
        }
        return millis;
    }

    /** The body parsed as it arrives, as a client of a long streamed response would read it. */
    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            return json.readTree(body);
        }
    }

    private String pagePath(String start) {
        return "/api/v1/ohlcv/" + SYMBOL + "/history?timeframe=1m&start=" + start + "&limit=" + PAGE;
    }

    private static String rangeOf(String table, String start, int limit) {
        return RANGE.formatted(table, SYMBOL, start, YEAR_END.toInstant(), limit);
    }

    /** @param plan the plan's nodes, outermost first, e.g. {@code Limit > Index Only Scan (heap fetches 0)} */
    private record Explained(double millis, String plan) {}

    private Explained explain(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql)) {
            rs.next();
            JsonNode root = json.readTree(rs.getString(1)).get(0);
            StringBuilder plan = new StringBuilder();
            for (JsonNode node = root.path("Plan"); !node.isMissingNode(); node = node.path("Plans").path(0)) {
                plan.append(plan.isEmpty() ? "" : " > ").append(node.path("Node Type").asText());
                if (node.has("Heap Fetches")) {
                    plan.append(" (heap fetches ").append(node.path("Heap Fetches").asLong()).append(')');
                }
                if (node.has("Sort Method")) {
                    plan.append(" (").append(node.path("Sort Method").asText()).append(')');
                }
            }
            return new Explained(root.path("Execution Time").asDouble(), plan.toString());
        } catch (IOException e) {
            throw new SQLException("unreadable EXPLAIN output", e);
        }
    }

    /** The range query at random starts from {@link #JDBC_THREADS} threads, every row read; queries per second. */
    private double jdbcQueriesPerSecond(Duration duration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(JDBC_THREADS);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < JDBC_THREADS; t++) {
                Random starts = new Random(t);
                counts.add(threads.submit(() -> {
                    long queries = 0;
                    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                        while (System.nanoTime() < deadline) {
                            String start = pageStarts.get(starts.nextInt(pageStarts.size()));
                            try (ResultSet rs = s.executeQuery(rangeOf("candles", start, PAGE + 1))) {
                                while (rs.next()) {
                                    rs.getObject(3);
                                    rs.getDouble(8);
                                }
                            }
                            queries++;
                        }
                    }
                    return queries;
                }));
            }
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            return total / (duration.toNanos() / 1e9);
        } finally {
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** 09:30 New York of every trading day of the year, as RFC 3339 UTC: where a page may start. */
    private static List<String> pageStarts() {
        List<String> starts = new ArrayList<>();
        for (LocalDate day = YEAR_START.toLocalDate(); day.getYear() == YearOfCandles.YEAR; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                starts.add(day.atTime(9, 30).atZone(ZoneId.of("America/New_York")).toInstant().toString());
            }
        }
        return starts;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
