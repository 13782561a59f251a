package io.jonbu.ohlcv.job;

import io.jonbu.ohlcv.job.feed.LiveFeed;
import io.jonbu.ohlcv.job.feed.SymbolTable;
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
import java.util.Set;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar for {@code flink run jonbu-job.jar --db-url jdbc:postgresql://... }:
 * the live Alpaca stream into PostgreSQL. Checkpointing and state backend come from the cluster's
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
 * besides trades, into {@code provider_bars} and {@code trading_statuses}. Quotes are refused here: this
 * entry point writes PostgreSQL only, which keeps no quotes ({@code jonbu run} publishes them to Kafka).
 */
public final class CandleJobMain {
    static final String DEFAULT_FEED_URL = "wss://stream.data.alpaca.markets/v2/iex";
    static final String DEFAULT_SYMBOLS = "AAPL,MSFT,NVDA,AMZN,GOOGL,TSLA,SPY";
    static final long DEFAULT_SYMBOLS_POLL_MILLIS = 5_000;

    private CandleJobMain() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
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
                // partial updates feed a live stream; this entry point writes PostgreSQL, which keeps finals only
                Duration.ZERO);

        Set<Channel> channels;
        try {
            channels = Channel.parseList(params.get("channels", "none"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--channels: " + e.getMessage(), e);
        }
        if (channels.contains(Channel.QUOTES)) {
            throw new IllegalArgumentException("--channels: quotes need Kafka, and this entry point writes PostgreSQL only, "
                    + "which keeps no quotes; leave quotes out");
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
        new CandleJob(new LiveFeed(built, "alpaca", built.splitCount()), new PostgresSinks(db), config).addTo(env);
        env.execute(params.get("job-name", "jonbu-ohlcv candles"));
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " must hold your Alpaca API credentials");
        }
        return value;
    }
}
