package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as users start it ({@code java -jar jonbu.jar}, which is what scripts/run and
 * scripts/jonbu do): shading keeps every class and service file, and the manifest's Add-Opens is
 * all Flink needs on Java 17.
 */
class JonbuJarIT {
    private static final Path JAR = Path.of("target/jonbu.jar");
    private static final Path FIXTURES = Path.of("src/test/resources/replay");
    private static final Pattern CANDLES_URL = Pattern.compile("candles\\s+(http://\\S+)");

    @TempDir
    Path dir;

    private static ProcessBuilder jonbu(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void replayFromTheJarGivesTheExpectedCsv() throws Exception {
        Path out = dir.resolve("candles.csv");
        Process p = jonbu("replay", "--input", FIXTURES.resolve("trades.ndjson").toString(), "--output", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("replay.log").toFile()).start();

        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("replay.log"))).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(FIXTURES.resolve("expected-candles.csv")));
    }

    @Test
    void runServesCandlesOverHttpStopsCleanlyOnSigtermAndWhatItStoredExportsToParquet() throws Exception {
        // a fast virtual clock closes a minute candle every second of wall time
        int flinkUi = freePort();
        ProcessBuilder run = jonbu("run", "--port", "0", "--flink-ui-port", String.valueOf(flinkUi), "--sim-port", "0", "--db-port", "0",
                "--data-dir", dir.toString(), "--virtual-start", "2024-03-08T14:30:00Z", "--speed", "60", "--rate", "500")
                .redirectError(dir.resolve("run.err").toFile());
        // the logs as a shipper reads them: the JSON layout's plugin must have survived the shading
        run.environment().put("JONBU_LOG_FORMAT", "json");
        Process p = run.start();
        try {
            String candlesUrl = awaitCandlesUrl(p);
            OkHttpClient http = new OkHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode candles = null;
            while (System.nanoTime() < deadline) {
                try (Response r = http.newCall(new Request.Builder().url(candlesUrl).build()).execute()) {
                    candles = ApiJson.mapper().readTree(r.body().string()).path("candles");
                }
                if (candles.size() >= 2) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(candles).as(Files.readString(dir.resolve("run.err"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(candles.get(0).path("symbol").asText()).isEqualTo("AAPL");
            assertThat(candles.get(0).path("final").asBoolean()).isTrue();
            try (Response r = http.newCall(new Request.Builder().url("http://localhost:" + flinkUi + "/jobs/overview").build()).execute()) {
                JsonNode jobs = ApiJson.mapper().readTree(r.body().string()).path("jobs");
                assertThat(jobs).as("the Flink web UI's REST API lists the candle job").anySatisfy(j -> {
                    assertThat(j.path("name").asText()).isEqualTo("jonbu-ohlcv candles");
                    assertThat(j.path("state").asText()).isEqualTo("RUNNING");
                });
            }
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of SIGTERM").isTrue();
        }
        assertThat(Files.readString(dir.resolve("run.err"))).contains("jonbu: stopping");
        List<JsonNode> logLines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("run.err"))) {
            if (line.startsWith("{")) {
                logLines.add(ApiJson.mapper().readTree(line));
            }
        }
        assertThat(logLines).as("JSON log lines").isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("log.level").asText()).isNotEmpty())
                .anySatisfy(l -> assertThat(l.path("feed_connection").asText()).as("the feed connection's id").matches(".+#\\d+"));
        assertThat(dir.resolve("postgres/PG_VERSION")).as("data kept under --data-dir").exists();

        // the Parquet writer and the parts of Hadoop it links against made it into the jar
        Path parquet = dir.resolve("aapl.parquet");
        Process export = jonbu("export", "AAPL", "--start", "2024-03-08", "--end", "2024-03-09", "--format", "parquet",
                "--out", parquet.toString(), "--data-dir", dir.toString(), "--db-port", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("export.log").toFile()).start();
        assertThat(export.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("export.log"));
        assertThat(export.exitValue()).as(log).isZero();
        assertThat(log).containsPattern("export: \\d+ 1m candles of AAPL to ");
        byte[] bytes = Files.readAllBytes(parquet);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).as("Parquet's leading magic").isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).as("and trailing one").isEqualTo("PAR1");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String awaitCandlesUrl(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = CANDLES_URL.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "stdout-drain");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("jonbu run ended before printing its URLs");
    }
}
