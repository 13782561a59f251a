package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.sink.KafkaTopics;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.StringWriter;
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

/** {@code jonbu serve}: the serving layer alone over a PostgreSQL and a Kafka, here two instances side by side. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("serving http://localhost:(\\d+)/api/v1");

    private record Instance(Thread thread, CompletableFuture<Integer> exit, int port) {}

    private static Instance serve(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(JonbuInProcess.run(Map.of(), out, err, args)), "serve-under-test");
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !exit.isDone()) {
            Matcher m = SERVING.matcher(out.toString());
            if (m.find()) {
                return new Instance(thread, exit, Integer.parseInt(m.group(1)));
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
}
