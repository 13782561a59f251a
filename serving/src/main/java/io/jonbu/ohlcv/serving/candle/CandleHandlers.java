package io.jonbu.ohlcv.serving.candle;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.serving.error.ApiError;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The candle endpoints. Parameters are read with Javalin validators, so a bad one surfaces as a
 * {@code ValidationException} naming the field; the server's error mapper renders it.
 */
public final class CandleHandlers {
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;
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
     * before end, which is what a chart opening on "now" wants.
     */
    public void history(Context ctx) throws SQLException {
        series(ctx, candles);
    }

    /**
     * {@code GET /api/v1/ohlcv/{symbol}/enriched?timeframe=&start=&end=&limit=}: as history, each candle
     * with its indicators (null before warm-up) and the candlestick patterns it completes.
     */
    public void enriched(Context ctx) throws SQLException {
        series(ctx, enriched);
    }

    private <T> void series(Context ctx, CandleRepository<T> repository) throws SQLException {
        String symbol = symbol(ctx);
        Timeframe timeframe = timeframe(ctx);
        int limit = ctx.queryParamAsClass("limit", Integer.class)
                .check(l -> l >= 1 && l <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
                .getOrDefault(DEFAULT_LIMIT);
        long end = EpochNanos.of(ctx.queryParamAsClass("end", Instant.class).getOrDefault(Instant.now()));
        Validator<Instant> start = ctx.queryParamAsClass("start", Instant.class)
                .check(s -> EpochNanos.of(s) < end, "start must be before end");
        String token = ctx.queryParamAsClass("page_token", String.class).allowNullable()
                .check(t -> t == null || PageToken.startIn(t, symbol, timeframe) != null,
                        "not a page token of " + symbol + " " + timeframe + " history")
                .get();
        Long from = token != null ? PageToken.startIn(token, symbol, timeframe)
                : start.hasValue() ? Long.valueOf(EpochNanos.of(start.get())) : null;
        List<T> rows;
        String next = null;
        if (from == null) {
            rows = repository.latestBefore(symbol, timeframe, end, limit);
        } else {
            // one more than asked tells whether there is a next page, and where it starts
            rows = repository.range(symbol, timeframe, from, end, limit + 1);
            if (rows.size() > limit) {
                next = PageToken.of(symbol, timeframe, repository.startOf(rows.get(limit)));
                rows = rows.subList(0, limit);
            }
        }
        // an empty answer is fine for a known symbol, but a typo deserves a 404
        if (rows.isEmpty()) {
            requireKnown(symbol);
        }
        ctx.json(new CandleHistory<>(symbol, timeframe, rows, next));
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
