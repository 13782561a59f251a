package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import io.jonbu.ohlcv.serving.auth.Access;
import io.jonbu.ohlcv.serving.auth.ApiKeys;
import io.jonbu.ohlcv.serving.auth.IssuedKey;
import io.jonbu.ohlcv.serving.stream.CandleProducer;
import io.jonbu.ohlcv.serving.stream.CandleStreamSettings;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chart page in a real headless Chromium, against servers on a real PostgreSQL and Kafka: it draws
 * the history with its volume, overlays and patterns, follows the stream (a partial update and its
 * final candle are one bar), retries when the server goes away, and asks for an API key when the
 * server needs one. The screenshot it saves, target/chart-page.png, is there to be looked at. Without
 * chromium it fails under CI and skips elsewhere.
 */
class ChartPageTest {
    private static final String SYMBOL = "CHRT";
    private static final int BARS = 120;
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    /** Candles whose enriched row names a candlestick pattern, and the pattern. */
    private static final Map<Integer, String> CANDLE_PATTERNS = Map.of(30, "doji", 64, "bullish_engulfing", 100, "hammer");
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    // null-safe: the tab may not have parsed the page yet
    private static final String STATUS = "document.getElementById('status')?.textContent ?? ''";
    private static final String UP = "#26a69a";
    private static final String DOWN = "#ef5350";
    private static final String SMA_20 = "#f59e0b";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HeadlessChromium browser;
    private static EmbeddedKafka kafka;
    private static EmbeddedDatabase db;
    private static ServingServer open;
    private static ServingServer keyed;
    private static int openPort;
    private static int keyedPort;
    private static ApiKeys keys;
    private static CandleProducer producer;
    private static List<Candle> history;

    @BeforeAll
    static void start() throws Exception {
        // first, so a machine without a browser skips (or fails, under CI) without starting the rest
        if (!HeadlessChromium.installedOrFailUnderCi()) {
            return;
        }
        browser = HeadlessChromium.start(Path.of("target", "chromium.log"));
        kafka = EmbeddedKafka.startTemporary();
        try (var admin = kafka.admin()) {
            CandleProducer.createTopics(admin, 1);
        }
        db = EmbeddedDatabase.startTemporary();
        history = randomWalk(BARS);
        CandleRows.insert(db.dataSource(), history);
        double[][] indicators = indicators(history);
        for (int i = 0; i < BARS; i++) {
            String pattern = CANDLE_PATTERNS.get(i);
            CandleRows.enrich(db.dataSource(), history.get(i), indicators[i], pattern == null ? new String[0] : new String[] {pattern});
        }
        CandleRows.track(db.dataSource(), SYMBOL);
        insertChartPattern("double_bottom", history.get(70), history.get(90));
        CandleStreamSettings stream = CandleStreamSettings.of(kafka.bootstrapServers());
        open = new ServingServer(db.dataSource(), 0, stream);
        openPort = open.start();
        keys = new ApiKeys(db.dataSource());
        keyed = new ServingServer(db.dataSource(), db.dataSource(), 0, stream, Access.apiKeys(keys));
        keyedPort = keyed.start();
        producer = new CandleProducer(kafka.bootstrapServers());
    }

    @BeforeEach
    void needsABrowser() {
        Assumptions.assumeTrue(browser != null, HeadlessChromium.MISSING);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {producer, keyed, open, db, kafka, browser}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void theChartDrawsTheHistoryWithVolumeOverlaysAndPatternsThenFollowsTheStream() throws Exception {
        try (DevToolsPage page = browser.open(base(openPort) + "/?symbol=" + SYMBOL + "&timeframe=1m")) {
            String loaded = page.await(STATUS, s -> s.asText().endsWith(", live"), PATIENCE).asText();
            assertThat(loaded).isEqualTo(SYMBOL + " 1m: 120 candles, last close " + js(history.get(BARS - 1).close()) + ", live");

            JsonNode chart = page.evaluate(CHART_SUMMARY);
            assertThat(chart.path("canvases").asInt()).as("ECharts draws on a canvas").isPositive();
            Map<String, JsonNode> series = byId(chart.path("series"));
            assertThat(series).containsOnlyKeys("candles", "volume", "sma_20", "ema_12", "bb_upper", "bb_middle", "bb_lower");
            assertThat(series.get("candles").path("points").asInt()).isEqualTo(BARS);
            assertThat(series.get("volume").path("points").asInt()).isEqualTo(BARS);
            // each overlay from its first warmed-up candle on
            assertThat(series.get("sma_20").path("points").asInt()).isEqualTo(BARS - 19);
            assertThat(series.get("ema_12").path("points").asInt()).isEqualTo(BARS - 11);
            assertThat(series.get("bb_lower").path("points").asInt()).isEqualTo(BARS - 19);
            assertThat(series.get("candles").path("marks")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("doji", "bullish_engulfing", "hammer");
            assertThat(series.get("candles").path("areas")).extracting(JsonNode::asText).containsExactly("double bottom");

            // published as the job does once the page is live: a partial update, then the same candle final
            long start = START + BARS * Timeframe.M1.nominalNanos();
            double open = history.get(BARS - 1).close();
            Candle partial = candle(start, open, open + 0.5, open - 0.25, open + 0.25, 400, false);
            Candle closed = candle(start, open, open + 1, open - 0.25, open + 0.75, 900, true);
            double sma = (history.subList(BARS - 19, BARS).stream().mapToDouble(Candle::close).sum() + closed.close()) / 20;
            producer.send(partial);
            producer.send(closed);
            producer.send(enriched(closed, sma));
            producer.flush();
            page.await(STATUS, s -> s.asText().equals(SYMBOL + " 1m: 121 candles, last close " + js(closed.close()) + ", live"), PATIENCE);
            page.await("(" + CHART_SUMMARY + ").series.find(s => s.id === 'sma_20').last", v -> v.asDouble() == sma, PATIENCE);

            Path png = Path.of("target", "chart-page.png");
            page.screenshot(png);
            BufferedImage shot = ImageIO.read(png.toFile());
            assertThat(pixelsNear(shot, UP)).as("rising candles and volume bars drawn").isGreaterThan(500);
            assertThat(pixelsNear(shot, DOWN)).as("falling candles and volume bars drawn").isGreaterThan(500);
            assertThat(pixelsNear(shot, SMA_20)).as("the SMA 20 line drawn").isGreaterThan(100);

            // the timeframe picker: another view of the same symbol, which has no 5m candles, in the URL to link it
            page.evaluate("const tf = document.getElementById('timeframe'); tf.value = '5m'; tf.dispatchEvent(new Event('change')); true");
            page.await(STATUS, s -> s.asText().equals(SYMBOL + " 5m: 0 candles, live"), PATIENCE);
            assertThat(page.evaluate("location.search").asText()).isEqualTo("?symbol=" + SYMBOL + "&timeframe=5m");
            assertThat(page.errors()).isEmpty();
        }
    }

    @Test
    void whenTheServerGoesAwayThePageRetriesThenFollowsTheStreamAgain() throws Exception {
        CandleStreamSettings stream = CandleStreamSettings.of(kafka.bootstrapServers());
        ServingServer first = new ServingServer(db.dataSource(), 0, stream);
        int port = first.start();
        boolean firstClosed = false;
        try (DevToolsPage page = browser.open(base(port) + "/?symbol=" + SYMBOL + "&timeframe=1m")) {
            page.await(STATUS, s -> s.asText().endsWith(", live"), PATIENCE);
            first.close();
            firstClosed = true;
            page.await(STATUS, s -> s.asText().contains(", retrying in "), PATIENCE);

            try (ServingServer second = new ServingServer(db.dataSource(), port, stream)) {
                second.start();
                page.await(STATUS, s -> s.asText().equals(SYMBOL + " 1m: 120 candles, last close " + js(history.get(BARS - 1).close()) + ", live"),
                        PATIENCE);
                double open = history.get(BARS - 1).close();
                Candle next = candle(START + BARS * Timeframe.M1.nominalNanos(), open, open + 0.5, open - 0.5, open - 0.25, 700, true);
                producer.send(next);
                producer.flush();
                page.await(STATUS, s -> s.asText().equals(SYMBOL + " 1m: 121 candles, last close " + js(next.close()) + ", live"), PATIENCE);
            }
        } finally {
            if (!firstClosed) {
                first.close();
            }
        }
    }

    @Test
    void whenTheServerNeedsKeysThePageAsksForOneAndKeepsItOutOfTheUrl() throws Exception {
        IssuedKey key = keys.create("chart page", 6000, 100);
        try (DevToolsPage page = browser.open(base(keyedPort) + "/?symbol=" + SYMBOL + "&timeframe=1m")) {
            page.await(STATUS, s -> s.asText().endsWith("this server needs an API key"), PATIENCE);
            assertThat(page.evaluate("document.getElementById('key-form').hidden").asBoolean()).isFalse();

            page.evaluate("document.getElementById('key').value = '" + key.text() + "';"
                    + " document.getElementById('key-form').requestSubmit(); true");
            // live means the stream accepted the key too: it comes as the first message, as a browser cannot set headers
            page.await(STATUS, s -> s.asText().startsWith(SYMBOL + " 1m: 120 candles") && s.asText().endsWith(", live"), PATIENCE);
            assertThat(page.evaluate("document.getElementById('key-form').hidden").asBoolean()).isTrue();
            assertThat(page.evaluate("location.href").asText()).doesNotContain(key.text());
            assertThat(page.evaluate("sessionStorage.getItem('jonbu.apiKey')").asText()).isEqualTo(key.text());
        }
    }

    @Test
    void thePageAndItsFilesNeedNoKeyButTheApiBehindThemStillDoes() throws Exception {
        HttpResponse<String> page = get(keyedPort, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Matcher scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page.body());
        List<String> sources = new ArrayList<>();
        while (scripts.find()) {
            sources.add(scripts.group(1));
        }
        assertThat(sources).hasSize(2).allSatisfy(src -> assertThat(src).doesNotContain("{{"));
        for (String src : sources) {
            assertThat(get(keyedPort, "/" + src).statusCode()).as(src).isEqualTo(200);
        }
        assertThat(get(keyedPort, "/api/v1/symbols").statusCode()).isEqualTo(401);
        // the open prefixes open nothing else: climbing out of them names nothing
        for (String sneaky : List.of("/chart/../api/v1/symbols", "/webjars/../api/v1/symbols", "/chart/%2e%2e/api/v1/symbols",
                "/chart/..%2fapi/v1/symbols", "/chart/..")) {
            HttpResponse<String> reply = get(keyedPort, sneaky);
            assertThat(reply.statusCode()).as(sneaky).isEqualTo(404);
            assertThat(reply.body()).as(sneaky).contains("\"code\":\"not_found\"");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base(port) + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The chart's own state, as ECharts holds it: canvases, and per series its points, marks and last value. */
    private static final String CHART_SUMMARY = """
            (() => {
              const option = echarts.getInstanceByDom(document.getElementById('chart')).getOption();
              return {
                canvases: document.querySelectorAll('#chart canvas').length,
                series: option.series.map(s => ({
                  id: s.id,
                  points: s.data.filter(d => d != null).length,
                  last: s.data[s.data.length - 1],
                  marks: (s.markPoint?.data ?? []).map(m => m.name),
                  areas: (s.markArea?.data ?? []).map(a => a[0].name),
                })),
              };
            })()""";

    private static Map<String, JsonNode> byId(JsonNode series) {
        return StreamSupport.stream(series.spliterator(), false).collect(Collectors.toMap(s -> s.path("id").asText(), s -> s));
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** How the page's script prints a price; every price here is a multiple of 0.25, so exact either way. */
    private static String js(double price) {
        return price == Math.rint(price) ? Long.toString((long) price) : Double.toString(price);
    }

    /** Prices that wander in quarter steps, so the chart has rises, falls and a trend to overlay. */
    private static List<Candle> randomWalk(int n) {
        Random random = new Random(11);
        List<Candle> candles = new ArrayList<>();
        double close = 120;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = open + 0.25 * (random.nextInt(9) - 4 + (i < n / 2 ? -0.4 : 0.6));
            close = Math.round(close * 4) / 4.0;
            double high = Math.max(open, close) + 0.25 * random.nextInt(4);
            double low = Math.min(open, close) - 0.25 * random.nextInt(4);
            long volume = 1000 + random.nextInt(4000);
            candles.add(candle(START + i * Timeframe.M1.nominalNanos(), open, high, low, close, volume, true));
        }
        return candles;
    }

    private static Candle candle(long start, double open, double high, double low, double close, long volume, boolean isFinal) {
        return new Candle(SYMBOL, Timeframe.M1, start, Timeframe.M1.end(start), open, high, low, close, volume, volume / 10,
                (open + close) / 2, isFinal, 0);
    }

    /** SMA 20, EMA 12 (seeded with the SMA of its first 12) and Bollinger (20, 2) of the closes, NaN before warm-up. */
    private static double[][] indicators(List<Candle> candles) {
        double[][] values = new double[candles.size()][IndicatorKey.COUNT];
        double ema = Double.NaN;
        for (int i = 0; i < candles.size(); i++) {
            double[] v = values[i];
            Arrays.fill(v, Double.NaN);
            if (i >= 19) {
                double[] window = candles.subList(i - 19, i + 1).stream().mapToDouble(Candle::close).toArray();
                double mean = Arrays.stream(window).average().orElseThrow();
                double sd = Math.sqrt(Arrays.stream(window).map(c -> (c - mean) * (c - mean)).average().orElseThrow());
                v[IndicatorKey.SMA_20.ordinal()] = mean;
                v[IndicatorKey.BB_MIDDLE.ordinal()] = mean;
                v[IndicatorKey.BB_UPPER.ordinal()] = mean + 2 * sd;
                v[IndicatorKey.BB_LOWER.ordinal()] = mean - 2 * sd;
            }
            if (i == 11) {
                ema = candles.subList(0, 12).stream().mapToDouble(Candle::close).average().orElseThrow();
            } else if (i > 11) {
                ema += (candles.get(i).close() - ema) * 2 / 13;
            }
            v[IndicatorKey.EMA_12.ordinal()] = ema;
        }
        return values;
    }

    private static EnrichedCandle enriched(Candle candle, double sma20) {
        double[] values = new double[IndicatorKey.COUNT];
        Arrays.fill(values, Double.NaN);
        values[IndicatorKey.SMA_20.ordinal()] = sma20;
        return new EnrichedCandle(candle, values, new String[0], MarketContext.UNKNOWN, new double[FeatureSchema.COUNT], "a live candle");
    }

    private static void insertChartPattern(String pattern, Candle first, Candle last) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO chart_patterns (symbol, timeframe, pattern, start_time, end_time, level, close, volume) VALUES (?, '1m', ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, SYMBOL);
            s.setString(2, pattern);
            s.setObject(3, EpochNanos.toInstant(first.start()).atOffset(ZoneOffset.UTC));
            s.setObject(4, EpochNanos.toInstant(last.end()).atOffset(ZoneOffset.UTC));
            s.setDouble(5, last.close());
            s.setDouble(6, last.close());
            s.setLong(7, last.volume());
            s.executeUpdate();
        }
    }

    /** Pixels within a small distance of a colour: what ECharts painted in it, anti-aliased edges aside. */
    private static int pixelsNear(BufferedImage image, String hex) {
        int target = Integer.parseInt(hex.substring(1), 16);
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xff) - ((target >> 16) & 0xff);
                int dg = ((rgb >> 8) & 0xff) - ((target >> 8) & 0xff);
                int db = (rgb & 0xff) - (target & 0xff);
                if (dr * dr + dg * dg + db * db < 20 * 20) {
                    count++;
                }
            }
        }
        return count;
    }
}
