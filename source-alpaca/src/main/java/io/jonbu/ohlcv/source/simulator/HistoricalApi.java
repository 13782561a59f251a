package io.jonbu.ohlcv.source.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.rest.AlpacaBar;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The simulator's historical endpoints, over the tape as its trades, corrections and cancels left it:
 * {@code /v2/stocks/{symbol}/trades}, {@code /v2/stocks/trades?symbols=}, and the same for bars. Keys and the rate limit are checked before
 * every request; errors come back as Alpaca's {@code {"code","message"}}.
 */
final class HistoricalApi {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Function<Trade, PagePosition> TRADE_POSITION = t -> new PagePosition(t.symbol(), t.timestamp(), t.id());
    private static final Function<AlpacaBar, PagePosition> BAR_POSITION = b -> new PagePosition(b.symbol(), b.start(), 0);

    private final SimulatorConfig config;
    private final TradeHistory history;
    private final RateLimitWindow rateLimit;

    HistoricalApi(SimulatorConfig config, TradeHistory history) {
        this.config = config;
        this.history = history;
        this.rateLimit = new RateLimitWindow(config.restRateLimit(), config.restRateWindow());
    }

    void routes(JavalinDefaultRouting router) {
        router.before("/v2/stocks/*", this::admit);
        router.get("/v2/stocks/trades", ctx -> trades(ctx, HistoricalRequest.of(ctx, false)));
        router.get("/v2/stocks/{symbol}/trades", ctx -> trades(ctx, HistoricalRequest.of(ctx, false)));
        router.get("/v2/stocks/bars", ctx -> bars(ctx, HistoricalRequest.of(ctx, true)));
        router.get("/v2/stocks/{symbol}/bars", ctx -> bars(ctx, HistoricalRequest.of(ctx, true)));
        router.exception(HistoricalError.class, (e, ctx) -> ctx.status(e.status()).contentType("application/json")
                .result(write(g -> {
                    g.writeStartObject();
                    g.writeNumberField("code", e.code());
                    g.writeStringField("message", e.getMessage());
                    g.writeEndObject();
                })));
    }

    /** Keys first, since the budget is per account; then the budget, reported on every answer. */
    private void admit(Context ctx) {
        String key = ctx.header(AlpacaSimulator.KEY_HEADER);
        String secret = ctx.header(AlpacaSimulator.SECRET_HEADER);
        if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
            throw new HistoricalError(401, HistoricalError.NOT_AUTHORIZED, "request is not authorized");
        }
        if (!config.accepts(key, secret)) {
            throw new HistoricalError(403, HistoricalError.FORBIDDEN, "forbidden");
        }
        RateLimitWindow.Admission admission = rateLimit.admit(System.currentTimeMillis());
        ctx.header("X-RateLimit-Limit", Integer.toString(admission.limit()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(admission.remaining()));
        ctx.header("X-RateLimit-Reset", Long.toString(admission.resetEpochSeconds()));
        if (!admission.allowed()) {
            throw new HistoricalError(429, HistoricalError.RATE_LIMITED, "rate limit exceeded");
        }
    }

    private void trades(Context ctx, HistoricalRequest request) {
        List<Trade> trades = history.select(new HashSet<>(request.symbols()), request.start(), request.end());
        respond(ctx, request, "trades", page(trades, TRADE_POSITION, request), TRADE_POSITION, HistoricalApi::trade);
    }

    private void bars(Context ctx, HistoricalRequest request) {
        // bars from all kept trades, then filtered by their start: a start inside a bar must not cut it short
        List<Trade> trades = history.select(new HashSet<>(request.symbols()), Long.MIN_VALUE, Long.MAX_VALUE);
        trades.sort(Comparator.comparing(TRADE_POSITION, PagePosition.order(false)));
        List<AlpacaBar> bars = new ArrayList<>();
        for (AlpacaBar bar : SimulatedBars.of(trades, request.timeframe())) {
            if (bar.start() >= request.start() && bar.start() <= request.end()) {
                bars.add(bar);
            }
        }
        respond(ctx, request, "bars", page(bars, BAR_POSITION, request), BAR_POSITION, HistoricalApi::bar);
    }

    /**
     * The items after the request's page token in the request's order (symbols ascending, then time and
     * id as sorted), one more than the limit to tell whether a next page exists.
     */
    private static <T> List<T> page(List<T> items, Function<T, PagePosition> position, HistoricalRequest request) {
        Comparator<PagePosition> order = PagePosition.order(request.descending());
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(position, order));
        int from = 0;
        if (request.after() != null) {
            while (from < sorted.size() && order.compare(position.apply(sorted.get(from)), request.after()) <= 0) {
                from++;
            }
        }
        return sorted.subList(from, Math.min(sorted.size(), from + request.limit() + 1));
    }

    private interface ItemWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static <T> void respond(Context ctx, HistoricalRequest request, String field, List<T> pagePlusOne,
            Function<T, PagePosition> position, ItemWriter<T> writer) {
        boolean more = pagePlusOne.size() > request.limit();
        List<T> items = more ? pagePlusOne.subList(0, request.limit()) : pagePlusOne;
        String token = more ? position.apply(items.get(items.size() - 1)).token() : null;
        ctx.contentType("application/json").result(write(g -> {
            g.writeStartObject();
            if (request.single()) {
                g.writeStringField("symbol", request.symbols().get(0));
                g.writeArrayFieldStart(field);
                for (T item : items) {
                    writer.write(g, item);
                }
                g.writeEndArray();
            } else {
                g.writeObjectFieldStart(field);
                String open = null;
                for (T item : items) {
                    String symbol = position.apply(item).symbol();
                    if (!symbol.equals(open)) {
                        if (open != null) {
                            g.writeEndArray();
                        }
                        g.writeArrayFieldStart(symbol);
                        open = symbol;
                    }
                    writer.write(g, item);
                }
                if (open != null) {
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeStringField("next_page_token", token);
            g.writeEndObject();
        }));
    }

    /**
     * A REST trade: the stream's fields less {@code T} and {@code S}, which the envelope carries, in the
     * REST API's own field order (t x p s c i z, not the stream's i x p s c t z).
     */
    private static void trade(JsonGenerator g, Trade t) throws IOException {
        g.writeStartObject();
        g.writeStringField("t", EpochNanos.format(t.timestamp()));
        g.writeStringField("x", t.exchange());
        g.writeNumberField("p", t.price());
        g.writeNumberField("s", t.size());
        g.writeArrayFieldStart("c");
        for (String c : t.conditions()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeNumberField("i", t.id());
        g.writeStringField("z", t.tape());
        g.writeEndObject();
    }

    private static void bar(JsonGenerator g, AlpacaBar b) throws IOException {
        g.writeStartObject();
        g.writeStringField("t", EpochNanos.format(b.start()));
        g.writeNumberField("o", b.open());
        g.writeNumberField("h", b.high());
        g.writeNumberField("l", b.low());
        g.writeNumberField("c", b.close());
        g.writeNumberField("v", b.volume());
        g.writeNumberField("n", b.tradeCount());
        g.writeNumberField("vw", b.vwap());
        g.writeEndObject();
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(4_096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
