package io.jonbu.ohlcv.serving.pattern;

import io.javalin.http.Context;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code GET /api/v1/patterns?symbol=&timeframe=&since=&limit=}: chart patterns, oldest first. */
public final class PatternHandlers {
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;
    private static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);
    private static final Pattern SYMBOL = Pattern.compile("^[A-Za-z][A-Za-z0-9.\\-/]{0,15}$");

    private final PatternRepository repository;

    public PatternHandlers(PatternRepository repository) {
        this.repository = repository;
    }

    /** Patterns completed at or after {@code since} (default: a day ago), of one symbol and timeframe or all. */
    public void list(Context ctx) throws SQLException {
        String symbol = ctx.queryParamAsClass("symbol", String.class)
                .allowNullable()
                .check(s -> s == null || SYMBOL.matcher(s).matches(), "invalid symbol, expected a letter then up to 15 letters, digits, '.', '-' or '/'")
                .get();
        Timeframe timeframe = ctx.queryParamAsClass("timeframe", Timeframe.class).allowNullable().get();
        Instant since = ctx.queryParamAsClass("since", Instant.class).getOrDefault(Instant.now().minus(DEFAULT_LOOKBACK));
        int limit = ctx.queryParamAsClass("limit", Integer.class)
                .check(l -> l >= 1 && l <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
                .getOrDefault(DEFAULT_LIMIT);
        List<ChartPatternEvent> patterns = repository.since(EpochNanos.of(since),
                symbol == null ? null : symbol.toUpperCase(Locale.ROOT), timeframe, limit);
        ctx.json(new PatternList(patterns));
    }

    /** The response body. */
    public record PatternList(List<ChartPatternEvent> patterns) {}
}
