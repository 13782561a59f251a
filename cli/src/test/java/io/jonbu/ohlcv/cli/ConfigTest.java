package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import io.jonbu.ohlcv.cli.config.ConfigDefaults;
import io.jonbu.ohlcv.cli.config.ConfigKey;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.serving.candle.CandleRepository;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The typed configuration: a YAML file, JONBU_* environment variables over it, flags over both. */
class ConfigTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path file(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "jonbu", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private RunCommand parseRun(Map<String, String> environment, String... args) throws Exception {
        Settings settings = Settings.of(environment, args);
        CommandLine commandLine = Jonbu.commandLine(settings).setDefaultValueProvider(new ConfigDefaults(settings));
        return (RunCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void everySettingNamesAnOptionItsCommandsHave() {
        CommandLine jonbu = Jonbu.commandLine(new Settings(Map.of(), null));
        for (ConfigKey key : ConfigKey.values()) {
            Map<String, CommandLine> all = Settings.commands(jonbu);
            List<String> commands = all.keySet().stream().filter(c -> key.option(c).isPresent()).toList();
            assertThat(commands).as(key.path()).isNotEmpty();
            for (String command : commands) {
                assertThat(all.get(command).getCommandSpec().findOption(key.option(command).get()))
                        .as("%s: %s %s", key.path(), command, key.option(command).get()).isNotNull();
            }
        }
    }

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefaults() throws Exception {
        Path file = file("""
                feed:
                  symbols: [spy, qqq]
                  channels: [statuses, quotes]
                simulator:
                  rate: 50
                  seed: 7
                job:
                  parallelism: 1
                  out_of_orderness: 5s
                  sale_conditions: all_trades
                serving:
                  port: 9090
                """);
        String config = file.toString();

        RunCommand fromFile = parseRun(Map.of(), "run", "--config", config);
        assertThat(fromFile.simulator.symbols()).containsExactly("SPY", "QQQ");
        assertThat(fromFile.channels).containsExactly(Channel.QUOTES, Channel.STATUSES);
        assertThat(fromFile.simulator.rate).isEqualTo(50);
        assertThat(fromFile.parallelism).isEqualTo(1);
        assertThat(fromFile.outOfOrderness).isEqualTo(Duration.ofSeconds(5));
        assertThat(fromFile.port).isEqualTo(9090);
        assertThat(fromFile.flinkUiPort).as("not in the file: the flag's default").isEqualTo(8081);

        Map<String, String> environment = Map.of("JONBU_SIMULATOR_RATE", "70", "JONBU_CONFIG", config);
        RunCommand overEnvironment = parseRun(environment, "run");
        assertThat(overEnvironment.simulator.rate).as("the environment beats the file").isEqualTo(70);
        assertThat(overEnvironment.simulator.seed).as("the file, named by JONBU_CONFIG").isEqualTo(7);

        RunCommand overFlags = parseRun(environment, "run", "--rate", "90", "--config=" + config);
        assertThat(overFlags.simulator.rate).as("a flag beats both").isEqualTo(90);
        assertThat(overFlags.port).isEqualTo(9090);
    }

    @Test
    void theBufferTimeoutAndTheLingerReachTheStackAndDefaultToFlinksAndKafkasOwn() throws Exception {
        Path file = file("""
                job:
                  buffer_timeout: 5ms
                """);

        LocalStackConfig configured = parseRun(Map.of(), "run", "--config", file.toString(), "--kafka-linger", "2ms").config();
        assertThat(configured.bufferTimeout()).isEqualTo(Duration.ofMillis(5));
        assertThat(configured.kafka().linger()).isEqualTo(Duration.ofMillis(2));

        LocalStackConfig defaults = parseRun(Map.of(), "run").config();
        assertThat(defaults.bufferTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.kafka().linger()).isEqualTo(Duration.ZERO);
    }

    @Test
    void everyProblemOfTheFileAndTheEnvironmentIsListedAtOnceBeforeAnythingStarts() throws Exception {
        Path file = file("""
                feed:
                  symbolz: [AAPL]
                  symbols: []
                job:
                  parallelism: two
                  out_of_orderness: soon
                kafka:
                  delivery: sometimes
                serving:
                  port:
                """);

        int code = JonbuInProcess.run(Map.of("JONBU_SIMULATOR_RATE", "fast"), out, err, "run", "--config", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("feed.symbolz: unknown setting (known here: feed.kind, feed.url, feed.rest_url, feed.data_feed, feed.max_backfill, feed.symbols, feed.channels)")
                .contains("feed.symbols: must not be empty")
                .contains("serving.port: must have a value");
        // the file is read before its values are converted: a file that cannot be read stops there
        assertThat(err.toString()).doesNotContain("parallelism");

        Path typos = file("""
                job:
                  parallelism: two
                  out_of_orderness: soon
                kafka:
                  delivery: sometimes
                """);
        StringWriter errors = new StringWriter();
        assertThat(JonbuInProcess.run(Map.of("JONBU_SIMULATOR_RATE", "fast", "JONBU_LOG_FORMAT", "xml"), out, errors, "run", "--config",
                typos.toString())).isEqualTo(2);
        assertThat(errors.toString())
                .contains("has 5 problems")
                .contains("JONBU_LOG_FORMAT (environment): must be text or json, not 'xml'")
                .contains("job.parallelism (" + typos + "): Invalid value for option '--parallelism': 'two' is not an int")
                .contains("job.out_of_orderness (" + typos + "): ").contains("'soon'")
                .contains("kafka.delivery (" + typos + "): ").contains("sometimes")
                .contains("simulator.rate (env JONBU_SIMULATOR_RATE): ").contains("'fast'");
    }

    @Test
    void configCheckAcceptsAGoodFileAndListsEveryProblemOfABadOne() throws Exception {
        Path good = file("""
                feed: {kind: alpaca, url: "wss://stream.data.alpaca.markets/v2/sip", symbols: [AAPL, MSFT]}
                alpaca: {key_id: AKTEST, secret_key: s3cret}
                database: {url: "jdbc:postgresql://db:5432/jonbu", user: jonbu, password: pw}
                job: {timeframes: [1m, 5m], daily_session: regular}
                """);
        assertThat(JonbuInProcess.run(Map.of(), out, err, "config", "check", good.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(good + ": ok, 7 settings and 3 secrets");

        Path bad = file("""
                job: {timeframes: [1m, 2m], daily_session: lunch}
                alpaca: {key: AKTEST}
                """);
        assertThat(JonbuInProcess.run(Map.of(), out, err, "config", "check", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("alpaca.key: unknown setting (known here: alpaca.key_id, alpaca.secret_key)");

        Path unconvertible = file("job: {timeframes: [1m, 2m], daily_session: lunch}\n");
        StringWriter errors = new StringWriter();
        assertThat(JonbuInProcess.run(Map.of(), out, errors, "config", "check", unconvertible.toString())).isEqualTo(2);
        assertThat(errors.toString()).contains("2 problems").contains("job.timeframes").contains("'2m'")
                .contains("job.daily_session").contains("lunch");

        assertThat(JonbuInProcess.run(Map.of(), out, err, "config", "check", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: no such file");
        Path broken = file("feed: [unclosed\n");
        assertThat(JonbuInProcess.run(Map.of(), out, err, "config", "check", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(broken + ": not valid YAML");
    }

    @Test
    void configShowListsEverySettingWithItsSourceAndMasksTheSecrets() throws Exception {
        Path file = file("""
                job: {parallelism: 1}
                alpaca: {key_id: AKFROMFILE, secret_key: s3cretfromfile}
                """);

        int code = JonbuInProcess.run(Map.of("JONBU_SERVING_PORT", "9999", "JONBU_DB_PASSWORD", "hunter2"), out, err,
                "config", "show", "--config", file.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("job\\.parallelism:\\s+1\\s+# " + java.util.regex.Pattern.quote(file.toString()))
                .containsPattern("serving\\.port:\\s+9999\\s+# env JONBU_SERVING_PORT")
                .containsPattern("job\\.checkpoint_interval:\\s+10s\\s+# default")
                .containsPattern("alpaca\\.secret_key:\\s+\\*{8}\\s+# " + java.util.regex.Pattern.quote(file.toString()))
                .containsPattern("database\\.password:\\s+\\*{8}\\s+# env JONBU_DB_PASSWORD")
                .doesNotContain("AKFROMFILE").doesNotContain("s3cretfromfile").doesNotContain("hunter2");
    }

    @Test
    void fetchTakesItsKeysRestUrlAndDatabaseFromTheConfigFileAlone() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        SimulatorConfig sim = SimulatorConfig.builder().symbols(List.of("AAPL")).rate(2_000).seed(3)
                .virtualTime(start, 600).limit(2_000).credentials("file-key", "file-secret").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(sim); EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            assertThat(simulator.awaitEmitted(2_000, Duration.ofSeconds(60))).isTrue();
            Path file = file("""
                    alpaca: {key_id: file-key, secret_key: file-secret}
                    feed: {rest_url: "%s"}
                    database: {url: "%s"}
                    """.formatted(simulator.restUrl(), db.jdbcUrl()));

            int code = JonbuInProcess.run(Map.of(), out, err, "fetch", "AAPL", "--timeframe", "1m", "--start", "2024-03-08",
                    "--end", "2024-03-09", "--config", file.toString());

            assertThat(code).as(err.toString()).isZero();
            assertThat(CandleRepository.candles(db.dataSource()).range("AAPL", Timeframe.M1, start - 3_600_000_000_000L,
                    Long.MAX_VALUE / 2, 10_000)).isNotEmpty();
            assertThat(err.toString()).doesNotContain("file-secret");
        }
    }
}
