package io.jonbu.ohlcv.job;

import io.jonbu.ohlcv.job.feed.LiveFeed;
import io.jonbu.ohlcv.job.feed.SymbolTable;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.sink.KafkaSinks;
import io.jonbu.ohlcv.job.sink.KafkaTopics;
import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.job.sink.PostgresSinks;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.model.tape.SaleConditionRules;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar for {@code flink run jonbu-job.jar --db-url jdbc:postgresql://... } (or
 * {@code --config job.yaml} with the same names as keys, see {@link JobArguments}): the live Alpaca
 * stream into PostgreSQL. Checkpointing and state backend come from the cluster's
 * configuration. Alpaca keys are read from {@code APCA_API_KEY_ID} / {@code APCA_API_SECRET_KEY},
 * the database password from {@code JONBU_DB_PASSWORD}, so neither appears in the job's arguments.
 * Restored from a savepoint or checkpoint, the source backfills the trades it missed from
 * {@code --rest-url} (Alpaca's historical API by default) with the same keys, at most
 * {@code --max-backfill-ms} back (3 days; an older part of the gap is skipped, logged and counted).
 *
 * <p>With {@code --symbols-from-db}, the symbols come from the {@code symbols} table instead of
 * {@code --symbols}: its active rows, polled every {@code --symbols-poll-ms} (5 s), so symbols added
 * or removed there (the serving layer's {@code /api/v1/symbols}) are streamed or dropped without a
 * restart. Without it the list is fixed, as before.
 *
 * <p>{@code --channels bars,updatedBars,dailyBars,statuses} subscribes the symbols to those channels
 * besides trades, into {@code provider_bars} and {@code trading_statuses}; {@code quotes} need Kafka.
 *
 * <p>{@code --kafka-bootstrap HOST:PORT} also publishes candles (with {@code final:false} partial updates
 * every {@code --partial-updates-ms}, 1000 by default), enriched candles and quotes to Kafka for the
 * serving layer's live stream, {@code --kafka-delivery exactly_once} (the default: transactions with
 * the checkpoints) or {@code at_least_once}, and {@code --kafka-linger-ms} the producers' {@code linger.ms}
 * (the client's default, 0, unless given); without it the job writes PostgreSQL only. How long Flink holds a
 * network buffer before sending it on is the cluster's {@code execution.buffer-timeout} (100 ms by default).
 *
 * <p>{@code --enrichment false} builds candles only: no indicators, candlestick or chart patterns.
 */
public final class CandleJobMain {
    static final String DEFAULT_FEED_URL = "wss://stream.data.alpaca.markets/v2/iex";
    static final String DEFAULT_SYMBOLS = "AAPL,MSFT,NVDA,AMZN,GOOGL,TSLA,SPY";
    static final long DEFAULT_SYMBOLS_POLL_MILLIS = 5_000;
    static final long DEFAULT_PARTIAL_UPDATES_MILLIS = 1_000;
    static final long DEFAULT_KAFKA_PARTITIONS = 3;

    private CandleJobMain() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = JobArguments.parse(args);
        String dbUrl = params.getRequired("db-url");
        boolean symbolsFromDb = params.has("symbols-from-db");
        if (symbolsFromDb && params.has("symbols")) {
            throw new IllegalArgumentException("--symbols and --symbols-from-db exclude each other: the table names the symbols");
        }
        // from the table, the first poll names the symbols: the source starts without any
        List<String> symbols = symbolsFromDb ? List.of()
                : Arrays.stream(params.get("symbols", DEFAULT_SYMBOLS).split(",")).map(String::trim).toList();
        PostgresConnection db = new PostgresConnection(dbUrl, params.get("db-user"), System.getenv("JONBU_DB_PASSWORD"));
        CandleJobConfig config = new CandleJobConfig(
                Arrays.stream(params.get("timeframes", "1m,5m,15m,1h,1d").split(",")).map(Timeframe::parse).toList(),
                Duration.ofMillis(params.getLong("out-of-orderness-ms", CandleJobConfig.DEFAULT_OUT_OF_ORDERNESS.toMillis())),
                Duration.ofMillis(params.getLong("idle-timeout-ms", CandleJobConfig.DEFAULT_IDLE_TIMEOUT.toMillis())),
                Duration.ofMillis(params.getLong("allowed-lateness-ms", 0)),
                SaleConditionRules.valueOf(params.get("sale-conditions", SaleConditionRules.TAPE_PLAN.name()).toUpperCase(Locale.ROOT)),
                DailySession.valueOf(params.get("daily-session", DailySession.FULL_DAY.name()).toUpperCase(Locale.ROOT).replace('-', '_')),
                Duration.ofMillis(params.getLong("correction-horizon-ms", CandleJobConfig.DEFAULT_CORRECTION_HORIZON.toMillis())),
                // partial updates feed the live stream, so only with Kafka; PostgreSQL keeps final candles only
                Duration.ofMillis(params.has("kafka-bootstrap") ? params.getLong("partial-updates-ms", DEFAULT_PARTIAL_UPDATES_MILLIS) : 0),
                params.getBoolean("enrichment", true));
        Optional<KafkaSettings> kafka = kafka(params);

        Set<Channel> channels;
        try {
            channels = Channel.parseList(params.get("channels", "none"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--channels: " + e.getMessage(), e);
        }
        if (channels.contains(Channel.QUOTES) && kafka.isEmpty()) {
            throw new IllegalArgumentException("--channels: quotes go to Kafka only (PostgreSQL keeps none): give --kafka-bootstrap "
                    + "or leave quotes out");
        }

        AlpacaStreamSource.Builder source = AlpacaStreamSource.builder()
                .url(params.get("feed-url", DEFAULT_FEED_URL))
                .restUrl(params.get("rest-url", AlpacaRestClient.DEFAULT_BASE_URL))
                .dedupHorizon(Duration.ofMillis(params.getLong("dedup-horizon-ms",
                        AlpacaStreamSource.DEFAULT_DEDUP_HORIZON.toMillis())))
                .maxBackfill(Duration.ofMillis(params.getLong("max-backfill-ms",
                        AlpacaStreamSource.DEFAULT_MAX_BACKFILL.toMillis())))
                // after a gap, the tape is re-read as far back as the candles can still be corrected
                .reconcileLookback(config.correctionHorizon())
                .credentials(requiredEnv("APCA_API_KEY_ID"), requiredEnv("APCA_API_SECRET_KEY"))
                .symbols(symbols)
                .channels(channels);
        if (symbolsFromDb) {
            source.symbolDirectory(new SymbolTable(db),
                    Duration.ofMillis(params.getLong("symbols-poll-ms", DEFAULT_SYMBOLS_POLL_MILLIS)));
        }
        AlpacaStreamSource built = source.build();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PostgresSinks history = new PostgresSinks(db);
        kafka.ifPresent(k -> KafkaTopics.ensure(k, (int) params.getLong("kafka-partitions", DEFAULT_KAFKA_PARTITIONS)));
        CandleSinks sinks = kafka.<CandleSinks>map(k -> new KafkaSinks(history, k)).orElse(history);
        new CandleJob(new LiveFeed(built, "alpaca", built.splitCount()), sinks, config).addTo(env);
        env.execute(params.get("job-name", "jonbu-ohlcv candles"));
    }

    /** The Kafka to publish to, when {@code --kafka-bootstrap} names one. */
    static Optional<KafkaSettings> kafka(ParameterTool params) {
        if (!params.has("kafka-bootstrap")) {
            return Optional.empty();
        }
        String bootstrap = params.get("kafka-bootstrap");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--kafka-bootstrap: give host:port of the Kafka cluster");
        }
        KafkaSettings settings = KafkaSettings.of(bootstrap)
                .withTopics(params.get("candles-topic", KafkaSettings.DEFAULT_CANDLES_TOPIC),
                        params.get("enriched-topic", KafkaSettings.DEFAULT_ENRICHED_TOPIC))
                .withQuotesTopic(params.get("quotes-topic", KafkaSettings.DEFAULT_QUOTES_TOPIC));
        if (params.has("kafka-linger-ms")) {
            long linger = params.getLong("kafka-linger-ms");
            if (linger < 0) {
                throw new IllegalArgumentException("--kafka-linger-ms: must not be negative, got " + linger);
            }
            settings = settings.withLinger(Duration.ofMillis(linger));
        }
        if (params.has("kafka-delivery")) {
            String delivery = params.get("kafka-delivery").trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                settings = settings.withGuarantee(DeliveryGuarantee.valueOf(delivery));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--kafka-delivery: expected exactly_once or at_least_once, got '"
                        + params.get("kafka-delivery") + "'", e);
            }
        }
        return Optional.of(settings);
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " must hold your Alpaca API credentials");
        }
        return value;
    }
}
