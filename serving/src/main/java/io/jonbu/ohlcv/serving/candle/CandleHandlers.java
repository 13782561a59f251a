package io.jonbu.ohlcv.serving.candle;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.serving.error.ApiError;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The candle endpoints. Parameters are read with Javalin validators, so a bad one surfaces as a
 * {@code ValidationException} naming the field; the server's error mapper renders it.
 */
public final class CandleHandlers {
    private static final int DEFAULT_LIMIT = 1000;
    /** The bound of the routes that hold a page in memory: enriched, and several symbols. */
    private static final int MAX_LIMIT = 10_000;
    /**
     * The plain history's bound, which it streams: a year of regular-session 1m candles (about 98,000)
     * or four months of a 24-hour crypto pair's, in one request of about 50 MB at most.
     */
    private static final int MAX_STREAMED_LIMIT = 200_000;
    private static final int MAX_SYMBOLS = 100;
    /** Bounds one multi-symbol response: limit x symbols candles. */
    private static final int MAX_ROWS = 100_000;
    /** Letters, digits and the separators of share classes (BRK.B), preferreds (PBR-A) and crypto pairs (BTC/USD). */
    public static final Pattern SYMBOL = Pattern.compile("^[A-Za-z][A-Za-z0-9.\\-/]{0,15}$");

    private final CandleRepository<Candle> candles;
    private final CandleRepository<EnrichedCandle> enriched;

    public CandleHandlers(CandleRepository<Candle> candles, CandleRepository<EnrichedCandle> enriched) {
        this.candles = candles;
        this.enriched = enriched;
    }

    /** {@code GET /api/v1/ohlcv/{symbol}?timeframe=}: the newest candle. */
    public void latest(Context ctx) throws SQLException {
        String symbol = symbol(ctx);
        Timeframe timeframe = timeframe(ctx);
        Optional<Candle> candle = candles.latest(symbol, timeframe);
        if (candle.isEmpty()) {
            requireKnown(symbol);
            throw ApiError.notFound("timeframe", "no " + timeframe + " candle for '" + symbol + "'");
        }
        ctx.json(candle.get());
    }

    /**
     * {@code GET /api/v1/ohlcv/{symbol}/history?timeframe=&start=&end=&limit=&page_token=}: candles
     * starting in {@code [start, end)}, the first {@code limit} of them, with a {@code next_page_token}
     * when more follow (pass it back instead of start); without a start, the last {@code limit}
     * before end, which is what a chart opening on "now" wants. Streamed as the rows are read
     * ({@link HistoryBody}), so {@code limit} may reach a year of 1m candles.
     */
    public void history(Context ctx) throws SQLException, IOException {
        String symbol = symbol(ctx);
        Timeframe timeframe = timeframe(ctx);
        Range range = range(ctx, MAX_STREAMED_LIMIT);
        Long from = pageStart(ctx, symbol, timeframe, range);
        HistoryBody body = new HistoryBody(ctx, symbol, timeframe, range.limit());
        try {
            if (from == null) {
                candles.latestBefore(symbol, timeframe, range.end(), range.limit(), body);
            } else {
                // one more than asked tells whether there is a next page, and where it starts
                candles.range(symbol, timeframe, from, range.end(), range.limit() + 1, body);
            }
            // an empty answer is fine for a known symbol, but a typo deserves a 404
            if (!body.begun()) {
                requireKnown(symbol);
            }
            body.finish();
        } catch (SQLException | IOException | RuntimeException e) {
            if (!body.begun()) {
                throw e;
            }
            body.cut(e);
        }
    }

    /**
     * {@code GET /api/v1/ohlcv/{symbol}/enriched?timeframe=&start=&end=&limit=}: as history, each candle
     * with its indicators (null before warm-up) and the candlestick patterns it completes.
     */
    public void enriched(Context ctx) throws SQLException {
        series(ctx, enriched);
    }

    /**
     * {@code GET /api/v1/ohlcv/history?symbols=AAPL,MSFT&timeframe=&start=&end=&limit=&page_token=}: the
     * history of several symbols in one request, a series each in the order named, {@code limit} candles
     * per symbol; one {@code next_page_token} continues every series that has more.
     */
    public void historyOfMany(Context ctx) throws SQLException {
        List<String> symbols = symbols(ctx);
        Timeframe timeframe = timeframe(ctx);
        Range range = range(ctx, MAX_LIMIT);
        if ((long) range.limit() * symbols.size() > MAX_ROWS) {
            throw ApiError.badRequest("limit", "limit x symbols must be at most " + MAX_ROWS + ", got " + range.limit() + " x "
                    + symbols.size());
        }
        String token = ctx.queryParamAsClass("page_token", String.class).allowNullable()
                .check(t -> t == null || PageToken.startsIn(t, timeframe, symbols) != null,
                        "not a page token of this request's symbols' " + timeframe + " history")
                .get();
        Map<String, Long> continued = token == null ? null : PageToken.startsIn(token, timeframe, symbols);
        List<CandleSeries.Series> series = new ArrayList<>();
        Map<String, Long> next = new LinkedHashMap<>();
        for (String symbol : symbols) {
            Long from = continued != null ? continued.get(symbol) : range.start();
            if (continued != null && from == null) {
                // this series ended on an earlier page
                series.add(new CandleSeries.Series(symbol, List.of(), false));
                continue;
            }
            Page<Candle> page = page(candles, symbol, timeframe, from, range.end(), range.limit());
            if (page.rows().isEmpty()) {
                requireKnown(symbol);
            }
            if (page.nextStart() != null) {
                next.put(symbol, page.nextStart());
            }
            series.add(new CandleSeries.Series(symbol, page.rows(), from == null ? null : page.nextStart() != null));
        }
        ctx.json(new CandleSeries(timeframe, series, next.isEmpty() ? null : PageToken.ofSeries(timeframe, next)));
    }

    private <T> void series(Context ctx, CandleRepository<T> repository) throws SQLException {
        String symbol = symbol(ctx);
        Timeframe timeframe = timeframe(ctx);
        Range range = range(ctx, MAX_LIMIT);
        Long from = pageStart(ctx, symbol, timeframe, range);
        Page<T> page = page(repository, symbol, timeframe, from, range.end(), range.limit());
        // an empty answer is fine for a known symbol, but a typo deserves a 404
        if (page.rows().isEmpty()) {
            requireKnown(symbol);
        }
        ctx.json(new CandleHistory<>(symbol, timeframe, page.rows(),
                page.nextStart() == null ? null : PageToken.of(symbol, timeframe, page.nextStart())));
    }

    /** The query's window: up to {@code limit} candles starting in [start, end), or the last before end when no start. */
    private record Range(Long start, long end, int limit) {}

    private static Range range(Context ctx, int maxLimit) {
        int limit = ctx.queryParamAsClass("limit", Integer.class)
                .check(l -> l >= 1 && l <= maxLimit, "limit must be between 1 and " + maxLimit)
                .getOrDefault(DEFAULT_LIMIT);
        long end = EpochNanos.of(ctx.queryParamAsClass("end", Instant.class).getOrDefault(Instant.now()));
        Validator<Instant> start = ctx.queryParamAsClass("start", Instant.class)
                .check(s -> EpochNanos.of(s) < end, "start must be before end");
        return new Range(start.hasValue() ? Long.valueOf(EpochNanos.of(start.get())) : null, end, limit);
    }

    /** Where a page of one series starts: its {@code page_token}'s start, else the range's (null: the latest). */
    private static Long pageStart(Context ctx, String symbol, Timeframe timeframe, Range range) {
        String token = ctx.queryParamAsClass("page_token", String.class).allowNullable()
                .check(t -> t == null || PageToken.startIn(t, symbol, timeframe) != null,
                        "not a page token of " + symbol + " " + timeframe + " history")
                .get();
        return token != null ? PageToken.startIn(token, symbol, timeframe) : range.start();
    }

    /** @param nextStart where the following page starts, null when this is the last (or a "latest") page */
    private record Page<T>(List<T> rows, Long nextStart) {}

    private static <T> Page<T> page(CandleRepository<T> repository, String symbol, Timeframe timeframe, Long from, long end, int limit)
            throws SQLException {
        if (from == null) {
            return new Page<>(repository.latestBefore(symbol, timeframe, end, limit), null);
        }
        // one more than asked tells whether there is a next page, and where it starts
        List<T> rows = repository.range(symbol, timeframe, from, end, limit + 1);
        return rows.size() > limit
                ? new Page<>(rows.subList(0, limit), repository.startOf(rows.get(limit)))
                : new Page<>(rows, null);
    }

    /** {@code symbols=AAPL,msft}: each checked like a path's symbol, upper-cased, repeats dropped. */
    private static List<String> symbols(Context ctx) {
        String raw = ctx.queryParamAsClass("symbols", String.class)
                .check(s -> !s.isBlank(), "name at least one symbol, as symbols=AAPL,MSFT")
                .get();
        Set<String> symbols = new LinkedHashSet<>();
        for (String s : raw.split(",")) {
            String symbol = s.trim();
            if (!SYMBOL.matcher(symbol).matches()) {
                throw ApiError.badRequest("symbols", "invalid symbol '" + symbol
                        + "', expected a letter then up to 15 letters, digits, '.', '-' or '/'");
            }
            symbols.add(symbol.toUpperCase(Locale.ROOT));
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw ApiError.badRequest("symbols", "at most " + MAX_SYMBOLS + " symbols a request, got " + symbols.size());
        }
        return List.copyOf(symbols);
    }

    /** Upper case, the form the job stores, so clients may write {@code aapl}. */
    private static String symbol(Context ctx) {
        return ctx.pathParamAsClass("symbol", String.class)
                .check(s -> SYMBOL.matcher(s).matches(), "invalid symbol '" + ctx.pathParam("symbol")
                        + "', expected a letter then up to 15 letters, digits, '.', '-' or '/'")
                .get()
                .toUpperCase(Locale.ROOT);
    }

    private static Timeframe timeframe(Context ctx) {
        return ctx.queryParamAsClass("timeframe", Timeframe.class).getOrDefault(Timeframe.M1);
    }

    private void requireKnown(String symbol) throws SQLException {
        if (!candles.isKnown(symbol)) {
            throw ApiError.notFound("symbol", "unknown symbol '" + symbol + "'");
        }
    }
}
