package io.jonbu.ohlcv.cli.local;

import com.zaxxer.hikari.HikariDataSource;
import io.jonbu.ohlcv.job.CandleJob;
import io.jonbu.ohlcv.job.feed.LiveFeed;
import io.jonbu.ohlcv.job.feed.SymbolTable;
import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.sink.KafkaSinks;
import io.jonbu.ohlcv.job.sink.KafkaTopics;
import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.job.sink.PostgresSinks;
import io.jonbu.ohlcv.serving.DatabasePool;
import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.serving.auth.Access;
import io.jonbu.ohlcv.serving.auth.ApiKeys;
import io.jonbu.ohlcv.serving.stream.CandleStreamSettings;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one process, wired exactly as on a cluster but with local parts: the
 * simulator as the feed, the candle job on a Flink MiniCluster, PostgreSQL and Kafka (each embedded
 * unless an external one is named) and the REST server with its WebSocket stream of the job's Kafka
 * topics. Data flows one way: simulator, job, PostgreSQL and Kafka, serving.
 *
 * <p>The feed's symbols are tracked in the {@code symbols} table, and the source follows the table:
 * a symbol added over {@code POST /api/v1/symbols} is streamed, and one removed dropped, within
 * {@link #SYMBOLS_POLL} and without a restart.
 *
 * <p><b>Stopping and starting.</b> With a data directory, {@link #close} stops the job with a
 * savepoint under {@code flink/savepoints} (the source stops reading, the sinks flush, Kafka's
 * transactions commit), and the next start resumes from it: the feed's position, the open candles
 * and the indicators' warm-up carry over, and the source backfills the time it was down, so no
 * candle is lost or doubled. Then serving tells its WebSocket clients it is going away (1001), and
 * the stores stop last. Without a data directory nothing would be resumed, so the job is cancelled.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String SIMULATED_FEED = "iex";
    /** A local table answers in a millisecond; a second keeps a symbol change feeling immediate. */
    static final Duration SYMBOLS_POLL = Duration.ofSeconds(1);
    /** A savepoint of a laptop's state takes seconds; past this the job is cancelled rather than hang the stop. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private LocalDatabase database;
    private Savepoints savepoints;
    private String resumedFrom;
    private String jdbcUrl;
    private String feedUrl;
    private String kafkaBootstrap;
    private int servingPort;
    private JobClient job;

    private LocalStack() {}

    /** Starts every part, in dependency order; on failure, stops what was started and rethrows. */
    public static LocalStack start(LocalStackConfig config) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.startParts(config);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startParts(LocalStackConfig config) throws Exception {
        database = LocalDatabase.open(config.externalDb(), config.dataDirectory(), config.embeddedDbPort());
        started.push(database);
        database.track(config.feed().symbols());
        PostgresConnection db = database.connection();
        jdbcUrl = db.url();
        AlpacaStreamSource source = source(config, new SymbolTable(db));
        KafkaSettings kafka = KafkaSettings.of(kafkaBootstrap(config)).withGuarantee(config.kafka().guarantee())
                .withLinger(config.kafka().linger());
        KafkaTopics.ensure(kafka, EmbeddedKafka.PARTITIONS);

        HikariDataSource pool = DatabasePool.open(db.url(), db.user(), db.password());
        started.push(pool);
        HikariDataSource controlPlane = DatabasePool.openControlPlane(db.url(), db.user(), db.password());
        started.push(controlPlane);
        // the stream reads what the job publishes, through Kafka: serving never talks to the job
        ServingServer serving = new ServingServer(pool, controlPlane, config.servingPort(),
                CandleStreamSettings.of(kafka.bootstrapServers()).withTopics(kafka.candlesTopic(), kafka.enrichedTopic()),
                config.requireApiKeys() ? Access.apiKeys(new ApiKeys(pool)) : Access.open());
        servingPort = serving.start();
        started.push(serving);

        // started last so that it stops first: its final savepoint flushes into the stores and Kafka
        Configuration flink = new Configuration();
        if (config.dataDirectory() != null) {
            savepoints = new Savepoints(config.dataDirectory().resolve("flink").resolve("savepoints"));
            resumedFrom = savepoints.latest().map(Path::toString).orElse(null);
            if (resumedFrom != null) {
                flink.set(StateRecoveryOptions.SAVEPOINT_PATH, resumedFrom);
                LOG.info("resuming the job from its savepoint {}", resumedFrom);
            }
        }
        StreamExecutionEnvironment env = environment(config, checkpointDirectory(config), flink);
        new CandleJob(new LiveFeed(source, feedUrl, source.splitCount()), new KafkaSinks(new PostgresSinks(db), kafka), config.job())
                .addTo(env);
        job = env.executeAsync("jonbu-ohlcv candles");
        started.push(this::stopJob);
    }

    /** Stop-with-savepoint when there is somewhere to resume from, else cancel; a failed savepoint cancels. */
    private void stopJob() throws Exception {
        if (savepoints == null) {
            job.cancel().get(30, TimeUnit.SECONDS);
            return;
        }
        try {
            String path = job.stopWithSavepoint(false, savepoints.directory().toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.info("the job stopped with a savepoint at {}; the next start resumes from it", path);
            savepoints.keepOnly(Path.of(URI.create(path.startsWith("file:") ? path : "file:" + path)));
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the job could not take its final savepoint ({}); cancelling it: the next start resumes from {}", e.toString(),
                    savepoints.latest().map(Path::toString).orElse("nothing"));
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Under the data directory, so a restart finds them; else a temporary one, removed with the stack. */
    private Path checkpointDirectory(LocalStackConfig config) throws IOException {
        if (config.dataDirectory() != null) {
            return config.dataDirectory().resolve("checkpoints");
        }
        Path temporary = Files.createTempDirectory("jonbu-checkpoints-");
        started.push(() -> deleteWhenSettled(temporary));
        return temporary;
    }

    /** A cancelled job may still be writing its last checkpoint for a moment: try again once it has. */
    private static void deleteWhenSettled(Path directory) throws IOException, InterruptedException {
        try {
            PathUtils.deleteDirectory(directory);
        } catch (IOException stillWritten) {
            Thread.sleep(1_000);
            PathUtils.deleteDirectory(directory);
        }
    }

    /**
     * The MiniCluster the job runs on, with the stack's parallelism, checkpoints and buffer timeout, over
     * {@code flink} (where a savepoint to resume from is set). The checkpoints go to files: Flink's default
     * keeps them in the JobManager's memory, at most 5 MB, which the correction horizon's retained prints
     * outgrow at a few hundred trades a second, after which every checkpoint fails (and, exactly-once, no
     * candle is ever committed to Kafka).
     */
    static StreamExecutionEnvironment environment(LocalStackConfig config, Path checkpoints, Configuration flink) {
        StreamExecutionEnvironment env;
        if (config.flinkUiPort() == 0) {
            env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), flink);
        } else {
            flink.set(RestOptions.BIND_PORT, String.valueOf(config.flinkUiPort()));
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
            env.setParallelism(config.parallelism());
        }
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        env.getCheckpointConfig().setCheckpointStorage(new FileSystemCheckpointStorage(checkpoints.toUri()));
        if (config.bufferTimeout() != null) {
            env.setBufferTimeout(config.bufferTimeout().toMillis());
        }
        return env;
    }

    private String kafkaBootstrap(LocalStackConfig config) {
        if (config.kafka().externalBootstrap() != null) {
            kafkaBootstrap = config.kafka().externalBootstrap();
            return kafkaBootstrap;
        }
        EmbeddedKafka broker = config.dataDirectory() == null
                ? EmbeddedKafka.startTemporary()
                : EmbeddedKafka.startPersistent(config.dataDirectory().resolve("kafka"), config.kafka().embeddedPort());
        started.push(broker);
        kafkaBootstrap = broker.bootstrapServers();
        return kafkaBootstrap;
    }

    private AlpacaStreamSource source(LocalStackConfig config, SymbolTable symbols) {
        Feed feed = config.feed();
        // after a gap, the tape is re-read as far back as the candles can still be corrected
        AlpacaStreamSource.Builder source = AlpacaStreamSource.builder().symbols(feed.symbols())
                .symbolDirectory(symbols, SYMBOLS_POLL).channels(feed.channels()).maxBackfill(config.maxBackfill())
                .reconcileLookback(config.job().correctionHorizon());
        if (feed instanceof Feed.Alpaca alpaca) {
            feedUrl = alpaca.url();
            source.url(feedUrl).restUrl(alpaca.restUrl()).credentials(alpaca.key(), alpaca.secret());
        } else {
            AlpacaSimulator simulator = AlpacaSimulator.start(((Feed.Simulated) feed).simulator());
            started.push(simulator);
            feedUrl = simulator.url(SIMULATED_FEED);
            // the simulator accepts any credentials, and serves the historical trades a backfill needs
            source.url(feedUrl).restUrl(simulator.restUrl()).credentials("local", "local");
        }
        return source.build();
    }

    /** Tracks symbols: the job's source streams them within {@link #SYMBOLS_POLL}. */
    public void track(List<String> symbols) throws SQLException {
        database.track(symbols);
    }

    /** Stops tracking symbols: the source unsubscribes them within {@link #SYMBOLS_POLL}. */
    public void untrack(List<String> symbols) throws SQLException {
        database.untrack(symbols);
    }

    /** The savepoint the job resumed from; null when it started afresh. */
    public String resumedFrom() {
        return resumedFrom;
    }

    public int servingPort() {
        return servingPort;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** {@code host:port} of the Kafka the job publishes to. */
    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String feedUrl() {
        return feedUrl;
    }

    /** Stops everything in reverse order of starting; keeps going past failures, reporting them. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
