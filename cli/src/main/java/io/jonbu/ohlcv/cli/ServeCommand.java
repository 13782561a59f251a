package io.jonbu.ohlcv.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import io.jonbu.ohlcv.cli.local.LocalDatabase;
import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.serving.DatabasePool;
import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.serving.auth.Access;
import io.jonbu.ohlcv.serving.auth.ApiKeys;
import io.jonbu.ohlcv.serving.stream.CandleStreamSettings;
import io.jonbu.ohlcv.serving.tls.TlsSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jonbu serve}: the serving layer alone, over a PostgreSQL and a Kafka the job writes to. Each
 * instance consumes Kafka on its own, so several run side by side behind a load balancer.
 */
@Command(name = "serve", header = "Run the REST API and the WebSocket stream alone.", mixinStandardHelpOptions = true,
        description = {"Run the REST API and the WebSocket stream alone, over the PostgreSQL (--db-url, or the local",
            "stack's) and the Kafka (--kafka-bootstrap) a job writes; several instances may run side by side.",
            "Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer>, UsesSettings {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    DatabaseOptions database;

    @Mixin
    TlsOptions tlsOptions;

    @Mixin
    LogLevelOption logLevel;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "port to listen on (with TLS, the HTTPS port); 0 picks one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "the Kafka the job publishes to; without it there is no /api/v1/stream")
    String kafkaBootstrap;

    @Option(names = "--candles-topic", paramLabel = "TOPIC", defaultValue = CandleStreamSettings.DEFAULT_CANDLES_TOPIC,
            description = "(default: ${DEFAULT-VALUE})")
    String candlesTopic;

    @Option(names = "--enriched-topic", paramLabel = "TOPIC", defaultValue = CandleStreamSettings.DEFAULT_ENRICHED_TOPIC,
            description = "(default: ${DEFAULT-VALUE})")
    String enrichedTopic;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none", converter = AuthMode.Converter.class,
            description = "none or api-key (keys from `jonbu keys create`) (default: ${DEFAULT-VALUE})")
    AuthMode auth;

    private Settings settings;

    @Override
    public void use(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TlsSettings tls = tlsOptions.settings(spec).orElse(null);
        logLevel.apply();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "jonbu-serve-stop");
        ConfigReloader reloader = null;
        Runtime.getRuntime().addShutdownHook(hook);
        try (LocalDatabase db = LocalDatabase.open(database.external(), database.dataDir, database.dbPort)) {
            PostgresConnection c = db.connection();
            try (HikariDataSource pool = DatabasePool.open(c.url(), c.user(), c.password());
                 HikariDataSource controlPlane = DatabasePool.openControlPlane(c.url(), c.user(), c.password());
                 ServingServer server = new ServingServer(pool, controlPlane, port,
                         kafkaBootstrap == null || kafkaBootstrap.isBlank() ? null
                                 : CandleStreamSettings.of(kafkaBootstrap).withTopics(candlesTopic, enrichedTopic),
                         auth == AuthMode.API_KEY ? Access.apiKeys(new ApiKeys(pool)) : Access.open(), tls)) {
                int bound = server.start();
                // serve tracks no symbols of its own: a reload changes its log levels
                reloader = ConfigReloader.watch(settings, spec, ConfigReloader.Target.NONE).orElse(null);
                if (server.plainPort() >= 0) {
                    out.printf("jonbu: plain HTTP on port %d %s%n", server.plainPort(),
                            tls.redirectPlain() ? "redirects to HTTPS" : "serves the API too");
                }
                out.printf("jonbu: serving %s://localhost:%d/api/v1 (stream: %s; auth: %s)%n", tls == null ? "http" : "https", bound,
                        kafkaBootstrap == null || kafkaBootstrap.isBlank() ? "off, no --kafka-bootstrap" : kafkaBootstrap,
                        auth == AuthMode.API_KEY ? "API keys" : "NONE");
                out.flush();
                stopped.await();
            }
        } catch (InterruptedException e) {
            // stopped from within the JVM (a test, an embedding program): as good as Ctrl-C
            Thread.currentThread().interrupt();
        } finally {
            if (reloader != null) {
                reloader.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is going down anyway
            }
        }
        return 0;
    }
}
