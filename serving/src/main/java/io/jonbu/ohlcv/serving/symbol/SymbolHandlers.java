package io.jonbu.ohlcv.serving.symbol;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.error.ApiError;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/symbols}, {@code POST /api/v1/symbols} with {@code {"symbols":["AAPL",..]}} and
 * {@code DELETE /api/v1/symbols/{symbol}}: the symbols the job streams. The job's source polls the
 * table these write, so a change reaches the live stream within its poll interval, without a restart.
 */
public final class SymbolHandlers {
    static final String FIELD = "symbols";
    /** US stock tickers as Alpaca's stock stream names them: {@code AAPL}, {@code BRK.B}, {@code BF-B}. */
    private static final Pattern TICKER = Pattern.compile("^[A-Z][A-Z0-9.\\-]{0,9}$");
    private static final int MAX_SYMBOLS = 500;
    /** Far above MAX_SYMBOLS tickers; a larger body is refused before it is parsed. */
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final SymbolRepository repository;

    public SymbolHandlers(SymbolRepository repository) {
        this.repository = repository;
    }

    public void list(Context ctx) throws SQLException {
        ctx.json(new SymbolList(repository.all()));
    }

    /** Tracks the symbols (idempotent: known ones stay, removed ones come back) and answers the whole list. */
    public void add(Context ctx) throws SQLException {
        repository.track(symbols(ctx));
        ctx.json(new SymbolList(repository.all()));
    }

    public void remove(Context ctx) throws SQLException {
        String symbol = ctx.pathParam("symbol").toUpperCase(Locale.ROOT);
        if (!repository.untrack(symbol)) {
            throw ApiError.notFound("symbol", "symbol " + symbol + " is not tracked");
        }
        ctx.status(204);
    }

    private static List<String> symbols(Context ctx) {
        String length = ctx.header("Content-Length");
        if ((length != null && length.chars().allMatch(Character::isDigit) && length.length() < 12
                && Long.parseLong(length) > MAX_BODY_BYTES) || ctx.bodyAsBytes().length > MAX_BODY_BYTES) {
            throw ApiError.tooLarge("request body over " + MAX_BODY_BYTES + " bytes; send at most " + MAX_SYMBOLS
                    + " symbols at a time");
        }
        JsonNode array;
        try {
            array = ApiJson.mapper().readTree(ctx.bodyAsBytes()).path(FIELD);
        } catch (IOException e) {
            throw ApiError.badRequest(FIELD, "body must be JSON: {\"symbols\":[\"AAPL\",..]}");
        }
        if (!array.isArray() || array.isEmpty() || array.size() > MAX_SYMBOLS) {
            throw ApiError.badRequest(FIELD, "must be an array of 1 to " + MAX_SYMBOLS + " tickers");
        }
        Set<String> symbols = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (JsonNode element : array) {
            String symbol = element.isTextual() ? element.asText().trim().toUpperCase(Locale.ROOT) : element.toString();
            if (element.isTextual() && TICKER.matcher(symbol).matches()) {
                symbols.add(symbol);
            } else {
                invalid.add(element.toString());
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiError.badRequest(FIELD, "invalid tickers " + invalid
                    + ", expected a letter then up to 9 letters, digits, '.' or '-'");
        }
        return List.copyOf(symbols);
    }

    /** The response body of every symbol route that answers with content. */
    public record SymbolList(List<TrackedSymbol> symbols) {}
}
