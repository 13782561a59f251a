package io.jonbu.ohlcv.source.simulator;

import io.javalin.http.Context;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a historical request, checked as Alpaca checks them: 400 for a value that does not
 * parse, 422 for one that parses but is not allowed.
 *
 * @param symbols   requested tickers
 * @param single    whether the path named the symbol ({@code /v2/stocks/AAPL/trades}), which shapes the answer
 * @param start     inclusive; without one, everything kept (Alpaca would start at today's midnight)
 * @param end       inclusive; without one, everything kept
 * @param after     where the previous page ended, null for the first page
 * @param timeframe bars only, else null
 */
record HistoricalRequest(List<String> symbols, boolean single, long start, long end, int limit, boolean descending,
        Timeframe timeframe, PagePosition after) {

    private static final int DEFAULT_LIMIT = 1_000;
    private static final int MAX_LIMIT = 10_000;
    private static final Set<String> FEEDS = Set.of("sip", "iex", "otc", "boats", "delayed_sip", "overnight");
    private static final Set<String> ADJUSTMENTS = Set.of("raw", "split", "dividend", "all");
    private static final Pattern TIMEFRAME = Pattern.compile("(\\d+)(Min|T|Hour|H|Day|D|Week|W|Month|M)");
    /** The Alpaca timeframes that match one of the model's, which are all the simulator aggregates to. */
    private static final Map<String, Timeframe> SIMULATED = Map.of(
            "1Min", Timeframe.M1, "5Min", Timeframe.M5, "15Min", Timeframe.M15, "1Hour", Timeframe.H1, "1Day", Timeframe.D1);

    static HistoricalRequest of(Context ctx, boolean bars) {
        String pathSymbol = ctx.pathParamMap().get("symbol");
        List<String> symbols = pathSymbol != null ? List.of(pathSymbol) : symbols(ctx.queryParam("symbols"));
        long start = time(ctx, "start", Long.MIN_VALUE);
        long end = time(ctx, "end", Long.MAX_VALUE);
        if (start > end) {
            throw HistoricalError.invalidValue("end should not be before start");
        }
        int limit = limit(ctx.queryParam("limit"));
        String sort = ctx.queryParam("sort");
        if (sort != null && !sort.equals("asc") && !sort.equals("desc")) {
            throw HistoricalError.invalidValue("invalid sort: " + sort);
        }
        oneOf(ctx, "feed", FEEDS);
        // the simulator has no corporate actions or renames, so adjustment and asof change nothing
        if (bars) {
            oneOf(ctx, "adjustment", ADJUSTMENTS);
        }
        String token = ctx.queryParam("page_token");
        return new HistoricalRequest(symbols, pathSymbol != null, start, end, limit, "desc".equals(sort),
                bars ? timeframe(ctx.queryParam("timeframe")) : null, token == null || token.isEmpty() ? null : PagePosition.parse(token));
    }

    private static List<String> symbols(String param) {
        if (param == null || param.isBlank()) {
            throw HistoricalError.badParameter("missing symbols");
        }
        List<String> symbols = Arrays.stream(param.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (symbols.isEmpty()) {
            throw HistoricalError.badParameter("missing symbols");
        }
        return symbols;
    }

    /** RFC 3339, or a date taken as its midnight UTC. */
    private static long time(Context ctx, String name, long absent) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return value.length() == 10 ? EpochNanos.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant())
                    : EpochNanos.parse(value);
        } catch (DateTimeParseException e) {
            throw HistoricalError.badParameter("invalid " + name + ": " + value);
        }
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw HistoricalError.badParameter("invalid limit: " + value);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw HistoricalError.invalidValue("invalid limit: must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    private static void oneOf(Context ctx, String name, Set<String> allowed) {
        String value = ctx.queryParam(name);
        if (value != null && !allowed.contains(value)) {
            throw HistoricalError.invalidValue("invalid " + name + ": " + value);
        }
    }

    private static Timeframe timeframe(String value) {
        if (value == null || value.isEmpty()) {
            throw HistoricalError.badParameter("missing timeframe");
        }
        Matcher m = TIMEFRAME.matcher(value);
        if (!m.matches()) {
            throw HistoricalError.badParameter("invalid timeframe: " + value);
        }
        String unit = switch (m.group(2)) {
            case "T" -> "Min";
            case "H" -> "Hour";
            case "D" -> "Day";
            case "W" -> "Week";
            case "M" -> "Month";
            default -> m.group(2);
        };
        // digits as written, so "01Min" or an overlong number is simply not simulated
        Timeframe simulated = SIMULATED.get(m.group(1) + unit);
        if (simulated == null) {
            throw HistoricalError.invalidValue("timeframe " + value + " is valid at Alpaca but not simulated; use one of "
                    + SIMULATED.keySet());
        }
        return simulated;
    }
}
