package io.jonbu.ohlcv.cli.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every setting a config file may hold: its dotted path in the YAML, the environment variable that
 * overrides it, and the command-line option it stands for in each command that has one. One table,
 * so the file, the environment and the flags cannot drift apart: the flag's own converter reads the
 * file's and the environment's text, and its annotation keeps the built-in default. Commands are
 * named by their path below {@code jonbu}, as {@code run} or {@code keys create}.
 */
public enum ConfigKey {
    FEED_KIND("feed.kind", "JONBU_FEED_KIND", Map.of("run", "--feed")),
    FEED_URL("feed.url", "JONBU_FEED_URL", Map.of("run", "--feed-url")),
    FEED_REST_URL("feed.rest_url", "JONBU_FEED_REST_URL", Map.of("run", "--rest-url", "replay", "--rest-url", "fetch", "--rest-url")),
    FEED_DATA_FEED("feed.data_feed", "JONBU_FEED_DATA_FEED", Map.of("replay", "--feed", "fetch", "--feed")),
    FEED_MAX_BACKFILL("feed.max_backfill", "JONBU_FEED_MAX_BACKFILL", Map.of("run", "--max-backfill")),
    FEED_SYMBOLS("feed.symbols", "JONBU_FEED_SYMBOLS", Map.of("run", "--symbols", "simulate", "--symbols")),
    FEED_CHANNELS("feed.channels", "JONBU_FEED_CHANNELS", Map.of("run", "--channels")),

    SIMULATOR_PORT("simulator.port", "JONBU_SIMULATOR_PORT", Map.of("run", "--sim-port", "simulate", "--port")),
    SIMULATOR_RATE("simulator.rate", "JONBU_SIMULATOR_RATE", simulator("--rate")),
    SIMULATOR_SEED("simulator.seed", "JONBU_SIMULATOR_SEED", simulator("--seed")),
    SIMULATOR_OUT_OF_ORDER("simulator.out_of_order", "JONBU_SIMULATOR_OUT_OF_ORDER", simulator("--out-of-order")),
    SIMULATOR_MAX_DELAY_MS("simulator.max_delay_ms", "JONBU_SIMULATOR_MAX_DELAY_MS", simulator("--max-delay-ms")),
    SIMULATOR_VIRTUAL_START("simulator.virtual_start", "JONBU_SIMULATOR_VIRTUAL_START", simulator("--virtual-start")),
    SIMULATOR_SPEED("simulator.speed", "JONBU_SIMULATOR_SPEED", simulator("--speed")),
    SIMULATOR_LIMIT("simulator.limit", "JONBU_SIMULATOR_LIMIT", simulator("--limit")),
    SIMULATOR_HISTORY_SIZE("simulator.history_size", "JONBU_SIMULATOR_HISTORY_SIZE", simulator("--history-size")),
    SIMULATOR_REST_RATE_LIMIT("simulator.rest_rate_limit", "JONBU_SIMULATOR_REST_RATE_LIMIT", simulator("--rest-rate-limit")),
    SIMULATOR_CORRECTIONS("simulator.corrections", "JONBU_SIMULATOR_CORRECTIONS", simulator("--corrections")),
    SIMULATOR_CANCELS("simulator.cancels", "JONBU_SIMULATOR_CANCELS", simulator("--cancels")),
    SIMULATOR_STATUS_EVERY("simulator.status_every", "JONBU_SIMULATOR_STATUS_EVERY", simulator("--status-every")),

    JOB_PARALLELISM("job.parallelism", "JONBU_JOB_PARALLELISM", Map.of("run", "--parallelism", "replay", "--parallelism")),
    JOB_CHECKPOINT_INTERVAL("job.checkpoint_interval", "JONBU_JOB_CHECKPOINT_INTERVAL", Map.of("run", "--checkpoint-interval")),
    JOB_OUT_OF_ORDERNESS("job.out_of_orderness", "JONBU_JOB_OUT_OF_ORDERNESS", Map.of("run", "--out-of-orderness")),
    JOB_ALLOWED_LATENESS("job.allowed_lateness", "JONBU_JOB_ALLOWED_LATENESS", Map.of("run", "--allowed-lateness")),
    JOB_IDLE_TIMEOUT("job.idle_timeout", "JONBU_JOB_IDLE_TIMEOUT", Map.of("run", "--idle-timeout")),
    JOB_PARTIAL_UPDATES("job.partial_updates", "JONBU_JOB_PARTIAL_UPDATES", Map.of("run", "--partial-updates")),
    JOB_BUFFER_TIMEOUT("job.buffer_timeout", "JONBU_JOB_BUFFER_TIMEOUT", Map.of("run", "--buffer-timeout")),
    JOB_TIMEFRAMES("job.timeframes", "JONBU_JOB_TIMEFRAMES", Map.of("replay", "--timeframes")),
    JOB_SALE_CONDITIONS("job.sale_conditions", "JONBU_JOB_SALE_CONDITIONS", tapeRules("--sale-conditions")),
    JOB_DAILY_SESSION("job.daily_session", "JONBU_JOB_DAILY_SESSION", tapeRules("--daily-session")),
    JOB_CORRECTION_HORIZON("job.correction_horizon", "JONBU_JOB_CORRECTION_HORIZON", tapeRules("--correction-horizon")),

    DATABASE_URL("database.url", "JONBU_DB_URL", database("--db-url")),
    DATABASE_USER("database.user", "JONBU_DB_USER", database("--db-user")),
    DATABASE_DATA_DIR("database.data_dir", "JONBU_DATA_DIR", database("--data-dir")),
    DATABASE_PORT("database.port", "JONBU_DB_PORT", database("--db-port")),

    KAFKA_BOOTSTRAP("kafka.bootstrap", "JONBU_KAFKA_BOOTSTRAP", Map.of("run", "--kafka-bootstrap", "serve", "--kafka-bootstrap")),
    KAFKA_PORT("kafka.port", "JONBU_KAFKA_PORT", Map.of("run", "--kafka-port")),
    KAFKA_DELIVERY("kafka.delivery", "JONBU_KAFKA_DELIVERY", Map.of("run", "--kafka-delivery")),
    KAFKA_LINGER("kafka.linger", "JONBU_KAFKA_LINGER", Map.of("run", "--kafka-linger")),

    SERVING_PORT("serving.port", "JONBU_SERVING_PORT", Map.of("run", "--port", "serve", "--port")),
    SERVING_AUTH("serving.auth", "JONBU_SERVING_AUTH", Map.of("run", "--auth", "serve", "--auth")),
    SERVING_TLS_KEYSTORE("serving.tls.keystore", "JONBU_TLS_KEYSTORE", Map.of("serve", "--tls-keystore")),
    SERVING_TLS_CERTIFICATE("serving.tls.certificate", "JONBU_TLS_CERTIFICATE", Map.of("serve", "--tls-cert")),
    SERVING_TLS_PRIVATE_KEY("serving.tls.private_key", "JONBU_TLS_PRIVATE_KEY", Map.of("serve", "--tls-key")),
    SERVING_TLS_HTTP_PORT("serving.tls.http_port", "JONBU_TLS_HTTP_PORT", Map.of("serve", "--http-port")),
    SERVING_TLS_REDIRECT_HTTP("serving.tls.redirect_http", "JONBU_TLS_REDIRECT_HTTP", Map.of("serve", "--redirect-http")),
    SERVING_TLS_HSTS("serving.tls.hsts", "JONBU_TLS_HSTS", Map.of("serve", "--hsts")),
    FLINK_UI_PORT("flink.ui_port", "JONBU_FLINK_UI_PORT", Map.of("run", "--flink-ui-port")),
    LOGGING_LEVEL("logging.level", "JONBU_LOGGING_LEVEL", Map.of("run", "--log-level", "serve", "--log-level")),
    FLINK_URL("flink.url", "JONBU_FLINK_URL", Stream.of("job submit", "job stop", "job savepoint", "job list")
            .collect(Collectors.toMap(command -> command, command -> "--flink-url")));

    private final String path;
    private final String environmentVariable;
    private final Map<String, String> optionByCommand;

    ConfigKey(String path, String environmentVariable, Map<String, String> optionByCommand) {
        this.path = path;
        this.environmentVariable = environmentVariable;
        this.optionByCommand = optionByCommand;
    }

    /** The dotted path in the YAML file, such as {@code job.parallelism}. */
    public String path() {
        return path;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    /** The option this setting stands for in {@code command}, if that command has it. */
    public Optional<String> option(String command) {
        return Optional.ofNullable(optionByCommand.get(command));
    }

    public static Optional<ConfigKey> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public static Optional<ConfigKey> of(String command, String option) {
        return Arrays.stream(values()).filter(k -> option.equals(k.optionByCommand.get(command))).findFirst();
    }

    private static Map<String, String> simulator(String option) {
        return Map.of("run", option, "simulate", option);
    }

    private static Map<String, String> tapeRules(String option) {
        return Map.of("run", option, "replay", option);
    }

    private static Map<String, String> database(String option) {
        return Stream.of("run", "fetch", "export", "serve", "keys create", "keys list", "keys revoke", "symbols add", "symbols list",
                "symbols remove", "migrate status", "migrate up", "migrate down", "keys limit").collect(Collectors.toMap(command -> command, command -> option));
    }
}
