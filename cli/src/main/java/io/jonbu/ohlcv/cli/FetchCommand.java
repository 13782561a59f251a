package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import io.jonbu.ohlcv.cli.local.LocalDatabase;
import io.jonbu.ohlcv.job.sink.PostgresSinks;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.source.rest.AlpacaBar;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import io.jonbu.ohlcv.source.rest.SavedBars;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jonbu fetch}: Alpaca's historical bars into the candles table, so history exists before the
 * live job has built any. These are Alpaca's own aggregates, upserted like the job's candles.
 */
@Command(name = "fetch", header = "Backfill candles from Alpaca's historical bars into PostgreSQL.", mixinStandardHelpOptions = true,
        description = {"Backfill candles from Alpaca's historical bars endpoint (or any server speaking it, such as",
            "`jonbu simulate`) into PostgreSQL. Keys from APCA_API_KEY_ID and APCA_API_SECRET_KEY. With --from-file,",
            "from saved responses of that endpoint instead, without a connection or keys."})
final class FetchCommand implements Callable<Integer>, UsesSettings {
    private static final int BATCH = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    DatabaseOptions database;

    @Mixin
    RangeOptions range;

    @Option(names = "--timeframe", paramLabel = "TF", defaultValue = "1d", converter = TimeframeList.class,
            description = "1m, 5m, 15m, 1h or 1d (default: ${DEFAULT-VALUE})")
    Timeframe timeframe;

    @Option(names = "--feed", paramLabel = "FEED", defaultValue = "iex", description = "iex, sip, delayed_sip, ... (default: ${DEFAULT-VALUE})")
    String feed;

    @Option(names = "--adjustment", paramLabel = "ADJ", defaultValue = "raw", description = "raw, split, dividend or all (default: ${DEFAULT-VALUE})")
    String adjustment;

    @Option(names = "--rest-url", paramLabel = "URL", defaultValue = AlpacaRestClient.DEFAULT_BASE_URL,
            description = "Alpaca's data API, or a `jonbu simulate` (default: ${DEFAULT-VALUE})")
    String restUrl;

    @Option(names = "--from-file", paramLabel = "FILE", split = ",",
            description = "saved responses of the bars endpoint (one page each, e.g. from curl), instead of the API")
    List<Path> fromFiles;

    private Settings settings;

    @Override
    public void use(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        List<String> tickers = range.tickers();
        PrintWriter err = spec.commandLine().getErr();
        // Alpaca pages through the symbols in order, each from start to end: how far is where the last bar is
        List<String> inOrder = tickers.stream().sorted().toList();
        long span = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(range.endOrNow() - range.start));
        ProgressBar progress = new ProgressBar(err, "fetch", span * inOrder.size(), "");
        long written = 0;
        try (AlpacaRestClient client = fromFiles == null ? client() : null;
             LocalDatabase db = LocalDatabase.open(database.external(), database.dataDir, database.dbPort);
             Stream<AlpacaBar> bars = client != null ? client.bars(query(tickers)) : saved(tickers)) {
            db.track(tickers);
            try (Connection c = db.connect(); PreparedStatement upsert = c.prepareStatement(PostgresSinks.UPSERT_CANDLE)) {
                Iterator<AlpacaBar> it = bars.iterator();
                while (it.hasNext()) {
                    AlpacaBar bar = it.next();
                    PostgresSinks.bindCandle(upsert, candle(bar));
                    upsert.addBatch();
                    if (++written % BATCH == 0) {
                        upsert.executeBatch();
                    }
                    long into = TimeUnit.NANOSECONDS.toSeconds(bar.start() - range.start);
                    progress.moveTo(Math.max(0, inOrder.indexOf(bar.symbol())) * span + Math.min(Math.max(into, 0), span),
                            String.format(Locale.ROOT, "%,d %s bars, %s at %s", written, timeframe, bar.symbol(),
                                    EpochNanos.toInstant(bar.start()).truncatedTo(ChronoUnit.MINUTES)));
                }
                upsert.executeBatch();
            }
        }
        progress.moveTo(span * inOrder.size(), String.format(Locale.ROOT, "%,d %s bars", written, timeframe));
        progress.finish(String.format(Locale.ROOT, "fetch: %d %s bars of %s into PostgreSQL", written, timeframe, String.join(",", tickers)));
        return 0;
    }

    private AlpacaRestClient client() {
        AlpacaKeys keys;
        try {
            keys = AlpacaKeys.from(settings, "fetch");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return AlpacaRestClient.builder().baseUrl(restUrl).credentials(keys.key(), keys.secret()).build();
    }

    private HistoricalQuery query(List<String> tickers) {
        HistoricalQuery.Builder query = HistoricalQuery.symbols(tickers).timeframe(alpacaTimeframe(timeframe)).start(range.start)
                .feed(feed).adjustment(adjustment).limit(HistoricalQuery.MAX_LIMIT);
        // no end means Alpaca's default, which respects a free plan's 15-minute delay on SIP data
        if (range.end != null) {
            query.end(range.end);
        }
        return query.build();
    }

    /**
     * The saved responses' bars of the symbols asked for, in the range, in the API's order (by symbol,
     * then time); a single-symbol response holds the one symbol asked for. The timeframe is the user's
     * word: a saved response does not say its own.
     */
    private Stream<AlpacaBar> saved(List<String> tickers) throws IOException {
        List<AlpacaBar> bars = new ArrayList<>();
        for (Path file : fromFiles) {
            bars.addAll(SavedBars.read(file, tickers.size() == 1 ? tickers.get(0) : null));
        }
        long end = range.endOrNow();
        return bars.stream().filter(b -> tickers.contains(b.symbol()) && b.start() >= range.start && b.start() < end)
                .sorted(Comparator.comparing(AlpacaBar::symbol).thenComparingLong(AlpacaBar::start));
    }

    private Candle candle(AlpacaBar b) {
        return new Candle(b.symbol(), timeframe, b.start(), timeframe.end(b.start()), b.open(), b.high(), b.low(), b.close(),
                b.volume(), b.tradeCount(), b.vwap(), true, 0);
    }

    private static String alpacaTimeframe(Timeframe tf) {
        return switch (tf) {
            case M1 -> "1Min";
            case M5 -> "5Min";
            case M15 -> "15Min";
            case H1 -> "1Hour";
            case D1 -> "1Day";
        };
    }
}
