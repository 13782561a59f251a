package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.sink.KafkaTopics;
import io.jonbu.ohlcv.serving.tls.SelfSignedIdentity;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jonbu serve}: the serving layer alone over a PostgreSQL and a Kafka, here two instances side by side. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("serving https?://localhost:(\\d+)/api/v1");
    private static final Pattern PLAIN = Pattern.compile("plain HTTP on port (\\d+) redirects to HTTPS");

    private record Instance(Thread thread, CompletableFuture<Integer> exit, int port, String output) {}

    private static Instance serve(String... args) throws Exception {
        return serve(Map.of(), args);
    }

    private static Instance serve(Map<String, String> env, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(JonbuInProcess.run(env, out, err, args)), "serve-under-test");
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !exit.isDone()) {
            Matcher m = SERVING.matcher(out.toString());
            if (m.find()) {
                return new Instance(thread, exit, Integer.parseInt(m.group(1)), out.toString());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not start: " + out + err);
    }

    private static int status(OkHttpClient http, int port, String path) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url("http://localhost:" + port + path).build()).execute()) {
            return r.code();
        }
    }

    @Test
    void twoInstancesServeTheSameDatabaseAndKafkaAndStopWhenAsked() throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary(); EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            // the job creates its topics; until then the stream's health is down
            KafkaTopics.ensure(KafkaSettings.of(kafka.bootstrapServers()), 1);
            Instance open = serve("serve", "--port", "0", "--db-url", db.jdbcUrl(), "--kafka-bootstrap", kafka.bootstrapServers());
            Instance keyed = serve("serve", "--port", "0", "--db-url", db.jdbcUrl(), "--auth", "api-key");

            assertThat(status(http, open.port(), "/api/v1/health")).isEqualTo(200);
            assertThat(status(http, open.port(), "/api/v1/symbols")).isEqualTo(200);
            assertThat(status(http, keyed.port(), "/api/v1/symbols")).as("--auth api-key").isEqualTo(401);
            assertThat(status(http, keyed.port(), "/api/v1/stream")).as("no --kafka-bootstrap, no stream").isEqualTo(404);

            for (Instance instance : new Instance[] {open, keyed}) {
                instance.thread().interrupt();
                assertThat(instance.exit().get(30, TimeUnit.SECONDS)).isZero();
            }
        }
    }

    @Test
    void servesHttpsWithTheKeystoreAndItsPasswordFromTheEnvironmentAndRedirectsPlainHttp(@TempDir Path dir) throws Exception {
        SelfSignedIdentity identity = SelfSignedIdentity.generate(dir);
        OkHttpClient https = new OkHttpClient.Builder().sslSocketFactory(identity.socketFactory(), identity.trustManager())
                .followRedirects(false).build();
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            Instance tls = serve(Map.of("JONBU_TLS_PASSWORD", SelfSignedIdentity.PASSWORD), "serve", "--port", "0", "--db-url", db.jdbcUrl(),
                    "--tls-keystore", identity.keystore().toString(), "--http-port", "0", "--redirect-http", "--hsts", "365d");
            Matcher plain = PLAIN.matcher(tls.output());
            assertThat(plain.find()).as(tls.output()).isTrue();
            assertThat(tls.output()).doesNotContain(SelfSignedIdentity.PASSWORD);

            try (Response r = https.newCall(new Request.Builder().url("https://localhost:" + tls.port() + "/api/v1/health").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
            }
            try (Response r = https.newCall(new Request.Builder().url("http://localhost:" + plain.group(1) + "/api/v1/health").build()).execute()) {
                assertThat(r.code()).isEqualTo(308);
                assertThat(r.header("Location")).isEqualTo("https://localhost:" + tls.port() + "/api/v1/health");
            }
            tls.thread().interrupt();
            assertThat(tls.exit().get(30, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void badTlsOptionsAreAUsageErrorNamingEachProblemAtOnce(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JonbuInProcess.run(Map.of(), out, err, "serve", "--tls-keystore", dir.resolve("none.p12").toString(),
                "--tls-key", dir.resolve("k.pem").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--tls-keystore: give a keystore or --tls-cert with --tls-key, not both")
                .contains("--tls-cert: required with --tls-key");

        err.getBuffer().setLength(0);
        exit = JonbuInProcess.run(Map.of(), out, err, "serve", "--tls-keystore", dir.resolve("none.p12").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("keystore: cannot read").contains("JONBU_TLS_PASSWORD");

        err.getBuffer().setLength(0);
        exit = JonbuInProcess.run(Map.of(), out, err, "serve", "--hsts", "1d");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("only with TLS");
    }
}
