package io.jonbu.ohlcv.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process, no
 * ZooKeeper), run inside this JVM from the {@code org.apache.kafka} jars: local mode's Kafka and the
 * tests' (no installation, no Docker). Local mode keeps its log directory so topics survive a
 * restart; tests use a throw-away one.
 *
 * <p>Settings are those of a one-broker cluster: replication factor 1 for the internal topics,
 * {@link #PARTITIONS} partitions unless a topic's creator says otherwise, and transactions (Flink's
 * exactly-once Kafka sink) allowed up to {@link #MAX_TRANSACTION_TIMEOUT}. Topics are not created on
 * first use: a writer that names a topic nobody created fails instead of racing its creation.
 */
public final class EmbeddedKafka implements AutoCloseable {
    public static final int PARTITIONS = 4;
    public static final Duration MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDirectory;
    private final boolean temporary;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path logDirectory, boolean temporary) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
        this.temporary = temporary;
    }

    /** A fresh broker on a free port with an empty, temporary log directory. */
    public static EmbeddedKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("jonbu-kafka-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a log directory for the embedded Kafka", e);
        }
    }

    /**
     * A broker whose logs live in {@code logDirectory} (formatted on first use, kept after close).
     *
     * @param port the client port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedKafka startPersistent(Path logDirectory, int port) {
        return start(logDirectory.toAbsolutePath(), port, false);
    }

    private static EmbeddedKafka start(Path logDirectory, int port, boolean temporary) {
        try {
            Files.createDirectories(logDirectory);
            int clientPort = port != 0 ? port : freePort();
            int controllerPort = freePort();
            Properties config = config(logDirectory, clientPort, controllerPort);
            format(logDirectory, config);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server.startup();
            EmbeddedKafka kafka = new EmbeddedKafka(server, "127.0.0.1:" + clientPort, logDirectory, temporary);
            kafka.awaitReady();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Kafka in " + logDirectory, e);
        }
    }

    private static Properties config(Path logDirectory, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.resolve("logs").toString());
        p.put("num.partitions", Integer.toString(PARTITIONS));
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("transaction.max.timeout.ms", Long.toString(MAX_TRANSACTION_TIMEOUT.toMillis()));
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** Writes the cluster's identity into a new log directory; one already formatted is left as it is. */
    private static void format(Path logDirectory, Properties config) throws IOException {
        if (Files.exists(logDirectory.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        Path file = logDirectory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(out, "written by jonbu for the storage format step; the broker is configured in code");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = StorageTool$.MODULE$.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", file.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IOException("formatting the Kafka log directory failed (" + code + "): " + log.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("the embedded Kafka did not answer within " + READY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting the embedded Kafka", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            try {
                PathUtils.deleteDirectory(logDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the embedded Kafka's logs in " + logDirectory, e);
            }
        }
    }
}
