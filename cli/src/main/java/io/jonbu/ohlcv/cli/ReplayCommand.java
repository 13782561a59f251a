package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jonbu.ohlcv.job.CandleJob;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.job.CandleSinks;
import io.jonbu.ohlcv.job.candle.CandleAggregator;
import io.jonbu.ohlcv.job.candle.CorrectionOutcome;
import io.jonbu.ohlcv.job.feed.FeedSplitter;
import io.jonbu.ohlcv.job.feed.LineFeed;
import io.jonbu.ohlcv.job.feed.LiveFeed;
import io.jonbu.ohlcv.job.feed.SplittableLines;
import io.jonbu.ohlcv.job.feed.TradeFeed;
import io.jonbu.ohlcv.job.sink.SortedFileSink;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradingStatus;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.source.history.AlpacaHistorySource;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.PrintSink;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the candle job in Flink's batch execution mode over a recorded file: the same operators as
 * the live job, so a backtest and production agree to the last trade. In batch mode every trade is
 * on time, whatever its order in the file.
 */
@Command(name = "replay", header = "Build candles from recorded or historical trades into CSV.", mixinStandardHelpOptions = true,
        description = {
            "Build candles from a file of Alpaca trade messages (one JSON object or array per line), applying",
            "the trade corrections and cancels in it, or from Alpaca's historical trades endpoint over a time",
            "range, in Flink batch mode, and write every final candle as CSV sorted by symbol, timeframe, start.",
            "Malformed lines are reported on stderr and counted; they never stop the run. --from-alpaca reads",
            "keys from APCA_API_KEY_ID and APCA_API_SECRET_KEY."})
final class ReplayCommand implements Callable<Integer>, UsesSettings {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input from;

    /** A recorded file, or Alpaca's trade history. */
    static final class Input {
        @Option(names = "--input", required = true, paramLabel = "FILE", description = "NDJSON file of Alpaca messages")
        Path file;

        @Option(names = "--from-alpaca", required = true, split = ",", paramLabel = "SYMBOL",
                description = "symbols whose trades to read from Alpaca's REST API (or a `jonbu simulate`), from --start to --end")
        List<String> symbols;
    }

    @Option(names = "--start", paramLabel = "TIME", converter = TimeConverter.class,
            description = "with --from-alpaca: first trade time, RFC 3339 or a date (midnight UTC)")
    Long start;

    @Option(names = "--end", paramLabel = "TIME", converter = TimeConverter.class,
            description = "with --from-alpaca: trades before this, RFC 3339 or a date (default: now)")
    Long end;

    @Option(names = "--feed", paramLabel = "FEED", defaultValue = "iex",
            description = "with --from-alpaca: iex, sip, ... (default: ${DEFAULT-VALUE})")
    String alpacaFeed;

    @Option(names = "--rest-url", paramLabel = "URL", defaultValue = AlpacaRestClient.DEFAULT_BASE_URL,
            description = "with --from-alpaca: Alpaca's data API, or a `jonbu simulate` (default: ${DEFAULT-VALUE})")
    String restUrl;

    private Settings settings;

    @Override
    public void use(Settings settings) {
        this.settings = settings;
    }

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "CSV file to write (replaced)")
    Path output;

    @Option(names = "--timeframes", split = ",", paramLabel = "TF", converter = TimeframeList.class,
            description = "timeframes to build (default: ${DEFAULT-VALUE})", defaultValue = "1m,5m,15m,1h,1d")
    List<Timeframe> timeframes;

    @Option(names = "--enriched-output", paramLabel = "FILE",
            description = "also write every candle with its indicators and patterns as JSON lines (one object per candle)")
    Path enrichedOutput;

    @Mixin
    TapeRulesOptions tapeRules;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE})")
    int parallelism;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    @Override
    public Integer call() throws Exception {
        if (parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism: must be at least 1, got " + parallelism);
        }
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        // the tasks report their accumulators, and so the progress bar's count, with each heartbeat
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, PROGRESS_EVERY);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);

        TradeFeed feed = from.file != null ? fileFeed(from.file) : alpacaFeed(from.symbols);
        CandleJobConfig config = tapeRules.applyTo(CandleJobConfig.defaults().withTimeframes(timeframes));
        new CandleJob(feed, new FileSinks(output, enrichedOutput), config).addTo(env);

        long started = System.nanoTime();
        JobClient job = env.executeAsync("jonbu replay " + (from.file != null ? from.file.getFileName() : "--from-alpaca " + String.join(",", from.symbols)));
        ProgressBar bar = from.file != null ? new ProgressBar(spec.commandLine().getErr(), "replay", Files.size(from.file), "") : null;
        JobExecutionResult result = bar != null ? withProgress(job, bar, Files.size(from.file)) : job.getJobExecutionResult().get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long trades = result.<Long>getAccumulatorResult(FeedSplitter.TRADES_ACCUMULATOR);
        long malformed = result.<Long>getAccumulatorResult(FeedSplitter.MALFORMED_ACCUMULATOR);
        long candles = result.<Long>getAccumulatorResult(CandleAggregator.CANDLES_ACCUMULATOR);
        long revisions = counted(result, FeedSplitter.CORRECTIONS_ACCUMULATOR) + counted(result, FeedSplitter.CANCELS_ACCUMULATOR);
        long unapplied = counted(result, CandleAggregator.UNAPPLIED_CORRECTIONS_ACCUMULATOR);
        String summary = String.format(Locale.ROOT, "replayed %d trades into %d candles in %s%s (%d ms); %d malformed message(s); "
                        + "%d correction(s) and cancel(s), %d not applied",
                trades, candles, output, enrichedOutput == null ? "" : " and " + enrichedOutput, millis, malformed, revisions, unapplied);
        if (bar != null) {
            bar.finish(summary);
        } else {
            spec.commandLine().getErr().println(summary);
        }
        return 0;
    }

    /**
     * Waits for the job, drawing how much of the file it has read. In batch mode the candles are built
     * after the whole file is read, so the bar fills first, then the job finishes.
     */
    private static JobExecutionResult withProgress(JobClient job, ProgressBar bar, long fileSize) throws Exception {
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        while (true) {
            try {
                JobExecutionResult done = result.get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                bar.moveTo(fileSize, String.format(Locale.ROOT, "%,d of %,d bytes read", fileSize, fileSize));
                return done;
            } catch (TimeoutException running) {
                Object chars = job.getAccumulators().get().get(LineFeed.CHARS_ACCUMULATOR);
                long read = chars instanceof Long n ? Math.min(n, fileSize) : 0;
                bar.moveTo(read, String.format(Locale.ROOT, "%,d of %,d bytes read", read, fileSize));
            }
        }
    }

    private TradeFeed fileFeed(Path input) {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new ParameterException(spec.commandLine(), "--input: cannot read file '" + input + "'");
        }
        // split into byte ranges, so both readers parse: the text-line format gives one reader the whole file
        FileSource<String> lines = SplittableLines.of(new org.apache.flink.core.fs.Path(input.toAbsolutePath().toUri()));
        return new LineFeed(lines, input.getFileName().toString());
    }

    private TradeFeed alpacaFeed(List<String> symbols) {
        AlpacaKeys keys;
        try {
            keys = AlpacaKeys.from(settings, "--from-alpaca");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (start == null) {
            throw new ParameterException(spec.commandLine(), "--from-alpaca: needs --start");
        }
        long until = end != null ? end : EpochNanos.of(Instant.now());
        if (start >= until) {
            throw new ParameterException(spec.commandLine(), "--start: must be before --end (" + EpochNanos.format(until) + ")");
        }
        List<String> tickers = symbols.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        AlpacaHistorySource source = AlpacaHistorySource.builder().restUrl(restUrl).credentials(keys.key(), keys.secret())
                .feed(alpacaFeed).symbols(tickers).range(start, until).build();
        return new LiveFeed(source, "alpaca " + alpacaFeed + " " + String.join(",", tickers), source.sliceCount());
    }

    /** An accumulator's total; Flink reports none for one no record touched. */
    private static long counted(JobExecutionResult result, String accumulator) {
        Long value = result.getAccumulatorResult(accumulator);
        return value == null ? 0 : value;
    }

    private static String json(EnrichedCandle e) {
        try {
            return ApiJson.mapper().writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Candles to one sorted CSV file, enriched candles (if asked for) to JSON lines; malformed and
     * late input, and every correction and cancel with its outcome, to stderr.
     */
    private record FileSinks(Path output, Path enrichedOutput) implements CandleSinks {
        @Override
        public void candles(DataStream<Candle> candles) {
            candles.sinkTo(SortedFileSink.candleCsv(output)).setParallelism(1).uid("candles-csv").name("candles to CSV");
        }

        @Override
        public void enrichedCandles(DataStream<EnrichedCandle> enriched) {
            if (enrichedOutput != null) {
                enriched.sinkTo(new SortedFileSink<EnrichedCandle>(enrichedOutput, null, EnrichedCandle::ohlcv, ReplayCommand::json))
                        .setParallelism(1).uid("enriched-jsonl").name("enriched candles to JSON lines");
            }
        }

        @Override
        public boolean keepsEnrichedCandles() {
            return enrichedOutput != null;
        }

        @Override
        public void chartPatterns(DataStream<ChartPatternEvent> patterns) {
            throw new IllegalStateException("replay keeps no chart patterns, so the job finds none");
        }

        @Override
        public boolean keepsChartPatterns() {
            // replay has no output for chart patterns yet
            return false;
        }

        @Override
        public void lateTrades(DataStream<Trade> lateTrades) {
            lateTrades.sinkTo(new PrintSink<>("late trade", true)).setParallelism(1).uid("late-trades-stderr").name("late trades to stderr");
        }

        @Override
        public void corrections(DataStream<CorrectionOutcome> corrections) {
            corrections.sinkTo(new PrintSink<>("correction", true)).setParallelism(1).uid("corrections-stderr").name("corrections to stderr");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> deadLetters) {
            deadLetters.sinkTo(new PrintSink<>(true)).setParallelism(1).uid("dead-letters-stderr").name("dead letters to stderr");
        }

        @Override
        public void quotes(DataStream<Quote> quotes) {
            // replay rebuilds candles: a recording's quotes are read, and dropped
        }

        @Override
        public void providerBars(DataStream<ProviderBar> bars) {
            // likewise the provider's bars in a recording
        }

        @Override
        public void tradingStatuses(DataStream<TradingStatus> statuses) {
            // and its trading statuses
        }

        @Override
        public void feedStatus(DataStream<FeedStatus> reports) {
            // nor does a replay, which reads a file or the REST history, report on live connections
        }
    }
}
