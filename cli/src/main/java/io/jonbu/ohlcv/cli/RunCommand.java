package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import io.jonbu.ohlcv.cli.local.Feed;
import io.jonbu.ohlcv.cli.local.LocalStack;
import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jonbu run}: the whole local stack in one process until Ctrl-C. */
@Command(name = "run", header = "Start the whole local stack (simulator, job, stores, serving).", mixinStandardHelpOptions = true,
        description = {"Start the whole local stack in one process: the Alpaca-protocol simulator, the candle",
            "job on a Flink MiniCluster, PostgreSQL (embedded, data under --data-dir, unless --db-url)",
            "and the REST API. Ctrl-C stops everything."})
final class RunCommand implements Callable<Integer>, UsesSettings {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    LogLevelOption logLevel;

    private Settings settings;

    @Override
    public void use(Settings settings) {
        this.settings = settings;
    }

    @Mixin
    SimulatorOptions simulator;

    @Mixin
    DatabaseOptions database;

    /** The feeds {@code --feed} offers. */
    enum FeedKind { simulator, alpaca }

    @Option(names = "--feed", paramLabel = "KIND", defaultValue = "simulator",
            description = "simulator (built in) or alpaca (any server speaking Alpaca's v2 stream; keys from APCA_API_KEY_ID and APCA_API_SECRET_KEY) (default: ${DEFAULT-VALUE})")
    FeedKind feedKind;

    @Option(names = "--feed-url", paramLabel = "URL", defaultValue = "wss://stream.data.alpaca.markets/v2/iex",
            description = "stream URL for --feed alpaca: the iex, sip, delayed_sip or test feed, the sandbox, or a `jonbu simulate` (default: ${DEFAULT-VALUE})")
    String feedUrl;

    @Option(names = "--rest-url", paramLabel = "URL", defaultValue = AlpacaRestClient.DEFAULT_BASE_URL,
            description = "historical API for --feed alpaca, same keys: after a dropped connection the trades missed are backfilled from it; the sandbox host or a `jonbu simulate` (default: ${DEFAULT-VALUE})")
    String restUrl;

    @Option(names = "--channels", paramLabel = "LIST", defaultValue = "none", converter = ChannelsConverter.class,
            description = {"channels to subscribe besides trades, comma-separated: quotes (to Kafka), bars, updatedBars, "
                    + "dailyBars (to provider_bars), statuses (to trading_statuses); none = trades only (default: ${DEFAULT-VALUE})"})
    Set<Channel> channels;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "REST API port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none", converter = AuthMode.Converter.class,
            description = {"none (anyone who reaches the port may read and change the tracked symbols: for local use)",
                "or api-key (keys from `jonbu keys create`, per-key rate limits) (default: ${DEFAULT-VALUE})"})
    AuthMode auth;

    @Option(names = "--flink-ui-port", paramLabel = "PORT", defaultValue = "8081", description = "Flink web UI port; 0 = no web UI (default: ${DEFAULT-VALUE})")
    int flinkUiPort;

    @Option(names = "--sim-port", paramLabel = "PORT", defaultValue = "8765", description = "simulator port (default: ${DEFAULT-VALUE})")
    int simPort;

    @Option(names = "--out-of-orderness", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "how late a trade may arrive and still be on time (default: ${DEFAULT-VALUE})")
    Duration outOfOrderness;

    @Option(names = "--allowed-lateness", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "how long a closed candle still accepts late trades as revisions (default: ${DEFAULT-VALUE})")
    Duration allowedLateness;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = {"silence after which event time follows the wall clock, so the last candle closes when the",
                "feed goes quiet; risky under backpressure (queued trades turn late); 0s = never (default: ${DEFAULT-VALUE})"})
    Duration idleTimeout;

    @Mixin
    TapeRulesOptions tapeRules;

    @Option(names = "--partial-updates", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = {"how often a symbol's forming candles go to Kafka and the WebSocket stream as final:false updates",
                "(at most; PostgreSQL keeps final candles only); 0s = final candles only (default: ${DEFAULT-VALUE})"})
    Duration partialUpdates;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Flink checkpoint interval (default: ${DEFAULT-VALUE})")
    Duration checkpointInterval;

    @Option(names = "--buffer-timeout", paramLabel = "DURATION", defaultValue = "100ms", converter = DurationConverter.class,
            description = {"how long Flink may hold a network buffer that is not full before sending it on: shorter passes",
                "each trade and candle on sooner for more, smaller buffers; 0ms flushes every record (default: ${DEFAULT-VALUE}, Flink's)"})
    Duration bufferTimeout;

    @Option(names = "--max-backfill", paramLabel = "DURATION", defaultValue = "3d", converter = DurationConverter.class,
            description = {"how far back a gap in the live stream is backfilled over REST at most; an older part is",
                "skipped, logged at WARN and counted in the backfillGapsSkipped metric (default: ${DEFAULT-VALUE})"})
    Duration maxBackfill;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "publish to this Kafka cluster instead of the embedded broker (env JONBU_KAFKA_BOOTSTRAP)")
    String kafkaBootstrap;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "the embedded Kafka broker's port (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--kafka-delivery", paramLabel = "GUARANTEE",
            description = {"EXACTLY_ONCE (transactions committed with each checkpoint; read_committed consumers see",
                "candles up to a checkpoint interval later) or AT_LEAST_ONCE (visible at once; a restart may repeat",
                "some) (default: EXACTLY_ONCE)"})
    DeliveryGuarantee kafkaDelivery;

    @Option(names = "--kafka-linger", paramLabel = "DURATION", defaultValue = "0ms", converter = DurationConverter.class,
            description = {"how long the job's Kafka producers wait to fill a batch (linger.ms): fewer, larger requests,",
                "each candle that much later on the stream (default: ${DEFAULT-VALUE}, the Kafka client's)"})
    Duration kafkaLinger;

    @Override
    public Integer call() throws Exception {
        LocalStackConfig config = config();
        logLevel.apply();
        PrintWriter out = spec.commandLine().getOut();
        out.println("jonbu: starting the local stack ...");
        out.flush();
        LocalStack stack = LocalStack.start(config);
        Optional<ConfigReloader> reloader = ConfigReloader.watch(settings, spec, new ConfigReloader.Target() {
            @Override
            public void track(List<String> symbols) throws Exception {
                stack.track(symbols);
            }

            @Override
            public void untrack(List<String> symbols) throws Exception {
                stack.untrack(symbols);
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C ends the JVM from a hook thread: stop everything there, then let main return
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("jonbu: stopping ...");
            reloader.ifPresent(ConfigReloader::close);
            stack.close();
            stopped.countDown();
        }, "jonbu-stop"));
        if (stack.resumedFrom() != null) {
            out.println("jonbu: resumed from the savepoint " + stack.resumedFrom() + " (remove it to start afresh)");
        }
        String api = "http://localhost:" + stack.servingPort() + "/api/v1";
        String symbol = config.feed().symbols().get(0);
        out.printf("""

                jonbu-ohlcv is running (candles appear as each minute closes, plus %s)
                  chart        http://localhost:%d/ (live candlestick chart)
                  candles      %s/ohlcv/%s/history?timeframe=1m
                  latest       %s/ohlcv/%s?timeframe=1m
                  live         ws://localhost:%d/api/v1/stream (WebSocket; send {"action":"subscribe","candles":["*"],"timeframes":["1m"]})
                  symbols      %s/symbols (POST {"symbols":["SPY"]} tracks one live)
                  health       %s/health
                  Flink UI     %s
                  feed         %s (%s)
                  PostgreSQL   %s%s
                  Kafka        %s (topics %s)
                  auth         %s
                Ctrl-C stops everything.
                """,
                config.job().outOfOrderness().toMillis() + " ms of out-of-orderness",
                stack.servingPort(), api, symbol, api, symbol, stack.servingPort(), api, api,
                config.flinkUiPort() == 0 ? "off (--flink-ui-port 0)" : "http://localhost:" + config.flinkUiPort(), stack.feedUrl(),
                describe(config.feed()), stack.jdbcUrl(),
                config.externalDb() == null ? " (data in " + config.dataDirectory().resolve("postgres").toAbsolutePath() + ")" : "",
                stack.kafkaBootstrap(), KafkaSettings.DEFAULT_CANDLES_TOPIC + ", " + KafkaSettings.DEFAULT_ENRICHED_TOPIC
                        + (config.feed().channels().contains(Channel.QUOTES) ? ", " + KafkaSettings.DEFAULT_QUOTES_TOPIC : ""),
                config.kafka().externalBootstrap() != null ? "external" : "embedded, data in "
                        + config.dataDirectory().resolve("kafka").toAbsolutePath(),
                auth == AuthMode.API_KEY ? "API keys (Authorization: Bearer <key> or X-API-Key; `jonbu keys create NAME`)"
                        : "NONE: every client of port " + stack.servingPort() + " can read and change the tracked symbols (--auth api-key to require keys)");
        out.flush();
        stopped.await();
        return 0;
    }

    private static String describe(Feed feed) {
        if (feed instanceof Feed.Simulated simulated) {
            return "simulator: " + feed.symbols().size() + " symbols, " + Math.round(simulated.simulator().rate()) + " trades/s"
                    + channels(feed);
        }
        return "Alpaca protocol: " + feed.symbols().size() + " symbols" + channels(feed);
    }

    private static String channels(Feed feed) {
        return ", trades" + (feed.channels().isEmpty() ? "" : "," + Channel.format(feed.channels()));
    }

    private Feed feed() {
        if (feedKind == FeedKind.simulator) {
            return new Feed.Simulated(simulator.toBuilder(simPort).build(), channels);
        }
        AlpacaKeys keys = AlpacaKeys.from(settings, "--feed alpaca");
        return new Feed.Alpaca(feedUrl, restUrl, keys.key(), keys.secret(), simulator.symbols(), channels);
    }

    LocalStackConfig config() {
        try {
            Feed feed = feed();
            CandleJobConfig job = tapeRules.applyTo(CandleJobConfig.defaults()
                    .withOutOfOrderness(outOfOrderness)
                    .withAllowedLateness(allowedLateness)
                    .withIdleTimeout(idleTimeout)
                    .withPartialUpdates(partialUpdates));
            if (parallelism < 1) {
                throw new IllegalArgumentException("--parallelism: must be at least 1");
            }
            return new LocalStackConfig(port, flinkUiPort, database.dataDir, database.dbPort, database.external(), feed, job,
                    parallelism, checkpointInterval,
                    new LocalStackConfig.LocalKafka(kafkaBootstrap == null || kafkaBootstrap.isBlank() ? null : kafkaBootstrap,
                            kafkaPort, kafkaDelivery, kafkaLinger),
                    auth == AuthMode.API_KEY, maxBackfill, bufferTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
