package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.cli.flink.FlinkRest;
import io.jonbu.ohlcv.cli.local.LocalDatabase;
import io.jonbu.ohlcv.job.testing.KafkaRecords;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar, unchanged, on a standalone Flink 1.20 session cluster as scripts/flink-cluster starts it: a
 * JobManager ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner})
 * process on the lib/ the flink-cluster module assembles from Maven artifacts. The jar is submitted with
 * Flink's own CLI ({@code CliFrontend run -d}, what {@code flink run} executes), then stopped with a
 * savepoint and submitted again over the REST API ({@code /jars/upload}, {@code /jars/:id/run}) by
 * {@code jonbu job submit}, from that savepoint. Each run streams the simulator's trades into candles in
 * PostgreSQL and in Kafka. Needs {@code mvn package} of job and flink-cluster, hence an IT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlinkClusterIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JOB_JAR = ROOT.resolve("job/target/jonbu-job.jar");
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private AlpacaSimulator simulator;
    private EmbeddedKafka kafka;
    private LocalDatabase db;
    private Map<String, String> environment;
    private String flinkUrl;
    private int prometheus;
    private FlinkRest flink;

    @BeforeAll
    void startTheClusterAndBackends() throws Exception {
        // the job's main() reads the keys; over REST it runs in the JobManager, so the cluster gets them too
        environment = Map.of("APCA_API_KEY_ID", "cluster-test", "APCA_API_SECRET_KEY", "cluster-test-secret",
                "FLINK_CLUSTER_DIR", dir.resolve("cluster").toString());
        int rest = freePort();
        prometheus = freePort();
        flinkUrl = "http://localhost:" + rest;
        flink = FlinkRest.at(flinkUrl);
        // the slowest part, so the backends start while it boots, and each other's too
        Process starting = start("start", "rest.port=" + rest, "jobmanager.rpc.port=" + freePort(), "blob.server.port=" + freePort(),
                "metrics.reporter.prom.port=" + prometheus + "-" + (prometheus + 20),
                // Kafka's exactly-once sink commits on checkpoints: often, so candles show soon
                "execution.checkpointing.interval=2 s", "execution.checkpointing.min-pause=1 s");
        CompletableFuture<EmbeddedKafka> kafkaStarting = CompletableFuture.supplyAsync(EmbeddedKafka::startTemporary);
        CompletableFuture<LocalDatabase> dbStarting = CompletableFuture.supplyAsync(() -> LocalDatabase.open(null, null, 0));
        // a minute candle closes every second of wall time
        simulator = AlpacaSimulator.start(SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).rate(200).seed(5)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), 60).build());
        kafka = kafkaStarting.join();
        db = dbStarting.join();
        Result started = finish(starting);
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.output()).contains("web UI / REST  " + flinkUrl);
    }

    @AfterAll
    void stopEverything() throws Exception {
        try (AlpacaSimulator s = simulator; EmbeddedKafka k = kafka; LocalDatabase d = db) {
            Result stopped = script("stop");
            assertThat(stopped.output()).contains("stopped jobmanager").contains("stopped taskmanager");
            assertThat(script("status").exit()).as("status once stopped").isNotZero();
        }
    }

    @Test
    void theJarRunsUnchangedFromFlinksCliAndOverRestAndStopsWithASavepointTheNextRunStartsFrom() throws Exception {
        assertThat(script("status").output()).contains("\"taskmanagers\":1").contains("\"slots-total\":2");

        // as an operator keeps a job's settings: flink run -d jonbu-job.jar --config job.yaml
        List<String> flinkRun = new ArrayList<>(List.of("flink", "run", "-d", JOB_JAR.toString(), "--config", configFile("cli").toString()));
        Result run = script(flinkRun.toArray(String[]::new));
        Matcher submitted = SUBMITTED.matcher(run.output());
        assertThat(submitted.find()).as(run.output()).isTrue();
        String cliJob = submitted.group(1);
        awaitRunning(cliJob);
        assertThat(awaitFinalCandles(Instant.EPOCH, 3)).isGreaterThanOrEqualTo(3);
        assertThat(finalCandlesIn("cli.candles")).isGreaterThanOrEqualTo(2);
        assertThat(prometheusMetrics()).as("the TaskManager's reporter serves the job's own metrics")
                .contains("flink_taskmanager_job_task_operator_lateTrades");

        Jonbu list = jonbu("job", "list", "--flink-url", flinkUrl);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern(cliJob + "\\s+RUNNING\\s+\\S+\\s+jonbu-ohlcv cli");

        Jonbu savepoint = jonbu("job", "savepoint", cliJob, "--flink-url", flinkUrl);
        assertThat(savepoint.exit()).as(savepoint.err()).isZero();
        assertThat(savepointDirectory(savepoint.out())).as("a savepoint, while the job runs on").isDirectoryContaining("glob:**_metadata");
        assertThat(flink.job(cliJob).state()).isEqualTo("RUNNING");

        Jonbu stop = jonbu("job", "stop", cliJob, "--flink-url", flinkUrl);
        assertThat(stop.exit()).as(stop.err()).isZero();
        Path stoppedAt = savepointDirectory(stop.out());
        assertThat(stoppedAt).isDirectoryContaining("glob:**_metadata").startsWith(dir.resolve("cluster/savepoints"));
        assertThat(flink.job(cliJob).state()).isEqualTo("FINISHED");
        Instant lastBeforeStop = lastFinalCandleStart();

        // over REST, with jonbu's default jar (job/target/ of the source tree), from the savepoint
        Jonbu submit = jonbu(List.of("job", "submit", "--flink-url", flinkUrl, "--from-savepoint", stop.out().strip(), "--"),
                args("rest"));
        assertThat(submit.exit()).as(submit.err()).isZero();
        String restJob = submit.out().strip();
        assertThat(uploadedJars()).as("the upload removed once the job runs").isEmpty();
        awaitRunning(restJob);
        assertThat(awaitFinalCandles(lastBeforeStop, 3)).as("candles after the restored job's start").isGreaterThanOrEqualTo(3);
        assertThat(finalCandlesIn("rest.candles")).isGreaterThanOrEqualTo(2);

        flink.cancel(restJob);
        awaitState(restJob, "CANCELED");
    }

    @Test
    void clusterErrorsExitOneNamingTheProblemAndUsageErrorsTwo() throws Exception {
        Jonbu configured = jonbu(Map.of("JONBU_FLINK_URL", flinkUrl), List.of("job", "list"));
        assertThat(configured.exit()).as("the cluster's URL from the environment, as from the config file's flink.url")
                .isZero();
        assertThat(configured.out()).startsWith("JOB ID");

        Jonbu unknown = jonbu("job", "stop", "0123456789abcdef0123456789abcdef", "--flink-url", flinkUrl);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no job 0123456789abcdef0123456789abcdef (see `jonbu job list`)");

        Jonbu unreachable = jonbu("job", "list", "--flink-url", "http://localhost:" + freePort());
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("job list: cannot reach the Flink cluster at http://localhost:");

        Jonbu badRun = jonbu("job", "submit", "--flink-url", flinkUrl, "--", "--symbols", "AAPL");
        assertThat(badRun.exit()).as("the job's main() refuses its arguments, in the JobManager").isEqualTo(1);
        assertThat(badRun.err()).contains("No data for required key 'db-url'");
        assertThat(uploadedJars()).as("nor kept when the run failed").isEmpty();

        Jonbu typo = jonbu("job", "savepoint", "not-a-job", "--flink-url", flinkUrl);
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("JOB_ID: 'not-a-job' is not a Flink job id");

        assertThat(jonbu("job", "submit", "--flink-url", flinkUrl, "--jar", dir.resolve("none.jar").toString()).exit()).isEqualTo(2);
        assertThat(jonbu("job", "stop", "--flink-url", flinkUrl).exit()).as("no JOB_ID").isEqualTo(2);
        assertThat(jonbu("job", "list", "--flink-url", "localhost:8081").exit()).as("no scheme").isEqualTo(2);
    }

    @Test
    void bashCompletionCoversTheJobCommandsAndTheirOptions() {
        Jonbu completion = jonbu("completion", "bash");
        assertThat(completion.out()).contains("local commands=\"submit stop savepoint list\"")
                .contains("--from-savepoint").contains("--allow-non-restored-state").contains("--flink-url");
    }

    /** The job's arguments: the simulator's feed, the embedded PostgreSQL, and Kafka topics of this run's own. */
    private List<String> args(String run) {
        return List.of("--db-url", db.connection().url(), "--feed-url", simulator.url("iex"), "--rest-url", simulator.restUrl(),
                "--symbols", "AAPL,MSFT", "--kafka-bootstrap", kafka.bootstrapServers(), "--kafka-partitions", "1",
                "--candles-topic", run + ".candles", "--enriched-topic", run + ".enriched", "--quotes-topic", run + ".quotes",
                "--job-name", "jonbu-ohlcv " + run);
    }

    /** The same arguments as a YAML file of the job jar's --config: the flags' names as keys. */
    private Path configFile(String run) throws IOException {
        List<String> flags = args(run);
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < flags.size(); i += 2) {
            yaml.append(flags.get(i).substring(2)).append(": \"").append(flags.get(i + 1)).append("\"\n");
        }
        return Files.writeString(dir.resolve(run + "-job.yaml"), yaml);
    }

    private void awaitRunning(String job) throws Exception {
        awaitState(job, "RUNNING");
    }

    private void awaitState(String job, String state) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!flink.job(job).state().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(flink.job(job).state()).as(this::logs).isEqualTo(state);
    }

    /** Waits for {@code atLeast} final 1m candles starting after {@code after}; returns how many there are. */
    private int awaitFinalCandles(Instant after, int atLeast) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        int count = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT count(*) FROM candles WHERE timeframe = '1m' AND is_final AND start_time > ?")) {
                ps.setTimestamp(1, Timestamp.from(after));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getInt(1);
                }
            }
            if (count >= atLeast) {
                return count;
            }
            Thread.sleep(250);
        }
        return count;
    }

    private Instant lastFinalCandleStart() throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT max(start_time) FROM candles WHERE timeframe = '1m' AND is_final");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private int finalCandlesIn(String topic) {
        List<ConsumerRecord<String, String>> records = KafkaRecords.readCommitted(kafka.bootstrapServers(), topic, 2,
                FlinkClusterIT::isFinal, Duration.ofSeconds(8));
        return (int) records.stream().filter(FlinkClusterIT::isFinal).count();
    }

    private static boolean isFinal(ConsumerRecord<String, String> r) {
        try {
            return ApiJson.mapper().readTree(r.value()).path("final").asBoolean();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode uploadedJars() throws IOException {
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(flinkUrl + "/jars").build()).execute()) {
            return ApiJson.mapper().readTree(r.body().string()).path("files");
        }
    }

    /** What the Prometheus reporters in the configured port range serve (the JobManager's and the TaskManager's). */
    private String prometheusMetrics() {
        OkHttpClient http = new OkHttpClient();
        StringBuilder metrics = new StringBuilder();
        for (int port = prometheus; port <= prometheus + 20; port++) {
            try (Response r = http.newCall(new Request.Builder().url("http://localhost:" + port + "/metrics").build()).execute()) {
                metrics.append(r.body().string());
            } catch (IOException e) {
                // nothing listens there: the reporters took other ports of the range
            }
        }
        return metrics.toString();
    }

    /** The directory a savepoint location printed by {@code jonbu job} names, as Flink writes it ({@code file:/...}). */
    private static Path savepointDirectory(String printed) {
        return Path.of(URI.create(printed.strip()));
    }

    private record Result(int exit, String output) {}

    private Result script(String... args) throws Exception {
        return finish(start(args));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/flink-cluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Result finish(Process p) throws Exception {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        return new Result(p.exitValue(), output);
    }

    private record Jonbu(int exit, String out, String err) {}

    private Jonbu jonbu(String... args) {
        return jonbu(Map.of(), List.of(args));
    }

    private Jonbu jonbu(List<String> args, List<String> more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(more);
        return jonbu(Map.of(), all);
    }

    private Jonbu jonbu(Map<String, String> environment, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JonbuInProcess.run(environment, out, err, args.toArray(String[]::new));
        return new Jonbu(exit, out.toString(), err.toString());
    }

    /** The cluster's log tails, for a failure's message. */
    private String logs() {
        StringBuilder tails = new StringBuilder();
        for (String name : List.of("jobmanager.log", "taskmanager.log")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve("cluster/log").resolve(name));
                tails.append("--- ").append(name).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))).append('\n');
            } catch (IOException e) {
                tails.append("--- ").append(name).append(": ").append(e).append('\n');
            }
        }
        return tails.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
