package io.jonbu.ohlcv.serving.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.jonbu.ohlcv.serving.chart.ChartPage;
import io.jonbu.ohlcv.serving.error.ApiError;
import java.util.List;
import java.util.Set;

/**
 * Runs before every matched route and static file: lets the request through with its key's
 * {@code X-RateLimit-Limit}/{@code X-RateLimit-Remaining}, or answers 401 (with
 * {@code WWW-Authenticate}), 429 (with {@code Retry-After}) or 503. Health, the OpenAPI document, its
 * page and the metrics stay open: load balancers, API tools and scrapers carry no keys. So do the
 * chart page and its files: they hold no data, and the page asks its reader for a key.
 */
public final class AccessFilter implements Handler {
    private static final Set<String> OPEN = Set.of("/api/v1/health", "/api/v1/openapi.json", "/api/v1/docs", "/metrics", "/");
    private static final List<String> OPEN_PREFIXES = List.of(ChartPage.ASSETS_PATH, ChartPage.WEBJARS_PATH);

    private final Access access;

    public AccessFilter(Access access) {
        this.access = access;
    }

    @Override
    public void handle(Context ctx) {
        if (!access.required() || OPEN.contains(ctx.path()) || OPEN_PREFIXES.stream().anyMatch(ctx.path()::startsWith)) {
            return;
        }
        Verdict verdict = access.check(Access.presented(ctx.header("Authorization"), ctx.header("X-API-Key")));
        if (verdict instanceof Verdict.Granted granted) {
            ctx.header("X-RateLimit-Limit", Integer.toString(granted.key().burst()));
            ctx.header("X-RateLimit-Remaining", Long.toString(granted.remaining()));
        } else if (verdict instanceof Verdict.Denied denied) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"jonbu\"");
            throw ApiError.unauthorized(denied.reason());
        } else if (verdict instanceof Verdict.Limited limited) {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
            ctx.header("X-RateLimit-Limit", Integer.toString(limited.key().burst()));
            ctx.header("X-RateLimit-Remaining", "0");
            throw ApiError.rateLimited("rate limit of key " + limited.key().id() + " reached (" + limited.key().ratePerMinute()
                    + " requests a minute, bursts of " + limited.key().burst() + "): retry after " + limited.retryAfterSeconds() + " s");
        } else if (verdict instanceof Verdict.Unavailable unavailable) {
            throw ApiError.unavailable(unavailable.reason());
        }
    }
}
