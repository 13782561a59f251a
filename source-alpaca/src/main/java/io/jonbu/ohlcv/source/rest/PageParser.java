package io.jonbu.ohlcv.source.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of Alpaca's historical trades or bars in a single streaming pass, in either shape:
 * single-symbol {@code {"symbol":"AAPL","trades":[..],"next_page_token":..}} or multi-symbol
 * {@code {"trades":{"AAPL":[..],"MSFT":[..]},"next_page_token":..}}.
 *
 * <p>REST items carry no {@code S}: the symbol is the requested one or the enclosing key. Alpaca may
 * put {@code "symbol"} after the array, so the single-symbol shape relies on the request, not on it.
 */
final class PageParser<T> {

    /** Reads one item; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(JsonParser p, String symbol) throws IOException;
    }

    static final PageParser<Trade> TRADES = new PageParser<>("trades", PageParser::trade);
    static final PageParser<AlpacaBar> BARS = new PageParser<>("bars", PageParser::bar);

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String itemsField;
    private final ItemReader<T> reader;

    private PageParser(String itemsField, ItemReader<T> reader) {
        this.itemsField = itemsField;
        this.reader = reader;
    }

    /**
     * @param requestedSymbol the symbol of a single-symbol request, null for a multi-symbol one
     * @throws IOException when the body is not such a page
     */
    Page<T> parse(InputStream body, String requestedSymbol) throws IOException {
        List<T> items = new ArrayList<>();
        String token = null;
        try (JsonParser p = FACTORY.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the page");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(itemsField) && value == JsonToken.START_ARRAY) {
                    if (requestedSymbol == null) {
                        throw new IOException("'" + itemsField + "' is an array, but several symbols were requested");
                    }
                    readArray(p, requestedSymbol, items);
                } else if (name.equals(itemsField) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String symbol = p.currentName();
                        JsonToken array = p.nextToken();
                        if (array != JsonToken.VALUE_NULL) {
                            expect(array, JsonToken.START_ARRAY, "the " + itemsField + " of " + symbol);
                            readArray(p, symbol, items);
                        }
                    }
                } else if (name.equals("next_page_token")) {
                    token = value == JsonToken.VALUE_STRING ? p.getText() : null;
                } else {
                    // "symbol", and nulls Alpaca sends for empty results
                    p.skipChildren();
                }
            }
        }
        return new Page<>(items, token);
    }

    private void readArray(JsonParser p, String symbol, List<T> items) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(t, JsonToken.START_OBJECT, "a " + itemsField + " item");
            items.add(reader.read(p, symbol));
        }
    }

    private static Trade trade(JsonParser p, String symbol) throws IOException {
        String time = null;
        String exchange = null;
        String tape = null;
        double price = Double.NaN;
        long size = 0;
        long id = 0;
        List<String> conditions = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "t" -> time = p.getValueAsString();
                case "x" -> exchange = p.getValueAsString();
                case "z" -> tape = p.getValueAsString();
                case "p" -> price = p.getValueAsDouble(Double.NaN);
                case "s" -> size = p.getValueAsLong();
                case "i" -> id = p.getValueAsLong();
                case "c" -> {
                    if (value == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            conditions.add(p.getValueAsString());
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (Double.isNaN(price)) {
            throw new IOException("trade of " + symbol + " without a price 'p'");
        }
        return new Trade(symbol, timestamp(time, symbol), price, size, exchange, id, conditions.toArray(String[]::new), tape);
    }

    private static AlpacaBar bar(JsonParser p, String symbol) throws IOException {
        String time = null;
        double open = Double.NaN;
        double high = Double.NaN;
        double low = Double.NaN;
        double close = Double.NaN;
        long volume = 0;
        long count = 0;
        double vwap = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "t" -> time = p.getValueAsString();
                case "o" -> open = p.getValueAsDouble(Double.NaN);
                case "h" -> high = p.getValueAsDouble(Double.NaN);
                case "l" -> low = p.getValueAsDouble(Double.NaN);
                case "c" -> close = p.getValueAsDouble(Double.NaN);
                case "v" -> volume = p.getValueAsLong();
                case "n" -> count = p.getValueAsLong();
                case "vw" -> vwap = p.getValueAsDouble(Double.NaN);
                default -> p.skipChildren();
            }
        }
        if (Double.isNaN(open) || Double.isNaN(high) || Double.isNaN(low) || Double.isNaN(close)) {
            throw new IOException("bar of " + symbol + " lacks one of 'o', 'h', 'l', 'c'");
        }
        return new AlpacaBar(symbol, timestamp(time, symbol), open, high, low, close, volume, count, vwap);
    }

    private static long timestamp(String text, String symbol) throws IOException {
        if (text == null) {
            throw new IOException("item of " + symbol + " without a timestamp 't'");
        }
        try {
            return EpochNanos.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("item of " + symbol + " has a timestamp that is not RFC 3339: " + text, e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + what + " to start with " + expected + ", found " + actual);
        }
    }
}
