package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.local.LocalDatabase;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.candle.CandleRepository;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jonbu export}: enriched candles from PostgreSQL in batch, for model training and vector
 * stores, as JSON lines (the API's shape), flat CSV (one column per value) or Parquet (the CSV's
 * columns, typed, and the embedding vector: {@link EnrichedParquetWriter}).
 */
@Command(name = "export", header = "Write enriched candles as JSON lines, CSV or Parquet.", mixinStandardHelpOptions = true,
        description = {"Write enriched candles (indicators, patterns, context, features, description, embedding) of",
            "a time range to a file, JSON lines, CSV or Parquet, ordered by symbol then start."})
final class ExportCommand implements Callable<Integer> {
    private static final int PAGE = 10_000;

    /** The formats {@code --format} offers. */
    enum Format { jsonl, csv, parquet }

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    DatabaseOptions database;

    @Mixin
    RangeOptions range;

    @Option(names = "--timeframe", paramLabel = "TF", defaultValue = "1m", converter = TimeframeList.class,
            description = "1m, 5m, 15m, 1h or 1d (default: ${DEFAULT-VALUE})")
    Timeframe timeframe;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl, csv or parquet (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write (replaced when complete)")
    Path out;

    @Override
    public Integer call() throws Exception {
        long until = range.endOrNow();
        if (range.start >= until) {
            throw new ParameterException(spec.commandLine(), "--start: must be before --end");
        }
        List<String> tickers = range.tickers();
        PrintWriter err = spec.commandLine().getErr();
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        long written = 0;
        try (LocalDatabase db = LocalDatabase.open(database.external(), database.dataDir, database.dbPort);
             Rows file = open(temp)) {
            CandleRepository<EnrichedCandle> enriched = CandleRepository.enriched(db.dataSource());
            long total = 0;
            for (String symbol : tickers) {
                total += enriched.count(symbol, timeframe, range.start, until);
            }
            ProgressBar progress = new ProgressBar(err, "export", total, "candles");
            progress.advance(0);
            for (String symbol : tickers) {
                long from = range.start;
                List<EnrichedCandle> page;
                do {
                    page = enriched.range(symbol, timeframe, from, until, PAGE);
                    for (EnrichedCandle e : page) {
                        file.write(e);
                    }
                    written += page.size();
                    progress.advance(page.size());
                    if (!page.isEmpty()) {
                        from = page.get(page.size() - 1).ohlcv().start() + 1;
                    }
                } while (page.size() == PAGE);
            }
            err.println();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err.printf("export: %d %s candles of %s to %s%n", written, timeframe, String.join(",", tickers), target);
        return 0;
    }

    /** Where the candles go, one after another, in the chosen format. */
    interface Rows extends Closeable {
        void write(EnrichedCandle e) throws IOException;
    }

    private Rows open(Path temp) throws IOException {
        if (format == Format.parquet) {
            return new EnrichedParquetWriter(temp);
        }
        BufferedWriter text = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        if (format == Format.csv) {
            text.write(csvHeader());
            text.write('\n');
        }
        return new Rows() {
            @Override
            public void write(EnrichedCandle e) throws IOException {
                text.write(format == Format.csv ? csvRow(e) : ApiJson.mapper().writeValueAsString(e));
                text.write('\n');
            }

            @Override
            public void close() throws IOException {
                text.close();
            }
        };
    }

    static String csvHeader() {
        StringBuilder h = new StringBuilder("symbol,timeframe,start,end,open,high,low,close,volume,trade_count,vwap");
        for (IndicatorKey key : IndicatorKey.values()) {
            h.append(',').append(column(key));
        }
        h.append(",patterns,regime,support,resistance,trend_slope_deg,trend_strength,feature_schema_version");
        for (FeatureSchema feature : FeatureSchema.values()) {
            h.append(",f_").append(feature.jsonName());
        }
        return h.append(",description").toString();
    }

    /**
     * An indicator's column in the flat exports: its JSON key, except the session VWAP, whose key
     * {@code vwap} is the candle's own trade VWAP column already (a second {@code vwap} would be
     * renamed by pandas and refused by Parquet).
     */
    static String column(IndicatorKey key) {
        return key == IndicatorKey.VWAP ? "session_vwap" : key.jsonName();
    }

    /** Empty fields for values not known yet; patterns joined by '|'; the description quoted. */
    static String csvRow(EnrichedCandle e) {
        Candle c = e.ohlcv();
        StringBuilder row = new StringBuilder();
        row.append(c.symbol()).append(',').append(c.timeframe().label()).append(',')
                .append(EpochNanos.format(c.start())).append(',').append(EpochNanos.format(c.end()));
        for (double v : new double[] {c.open(), c.high(), c.low(), c.close()}) {
            row.append(',').append(number(v));
        }
        row.append(',').append(c.volume()).append(',').append(c.tradeCount()).append(',').append(number(c.vwap()));
        for (double v : e.indicators()) {
            row.append(',').append(number(v));
        }
        MarketContext m = e.context();
        row.append(',').append(String.join("|", e.patterns()))
                .append(',').append(m.regime() == null ? "" : m.regime().jsonName())
                .append(',').append(number(m.support())).append(',').append(number(m.resistance()))
                .append(',').append(number(m.trendSlopeDeg())).append(',').append(number(m.trendStrength()))
                .append(',').append(FeatureSchema.VERSION);
        for (double v : e.features()) {
            row.append(',').append(number(v));
        }
        return row.append(",\"").append(e.description().replace("\"", "\"\"")).append('"').toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
