package io.jonbu.ohlcv.model.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.TradingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Alpaca Market Data v2 stock messages: a frame of the live stream (a JSON array of objects,
 * each typed by {@code "T"}) or a single object, as lines of a recorded file may hold.
 *
 * <p>One streaming pass per frame, straight into {@link Trade}s, {@link TradeCorrection}s,
 * {@link TradeCancel}s, {@link Quote}s, {@link ProviderBar}s and {@link TradingStatus}es: no tree, no
 * intermediate map, since this runs for every trade and quote. A bad message is reported with its own raw text and does not spoil the
 * good messages around it; text that is not JSON at all is reported whole.
 */
public final class AlpacaMessageParser {

    /** Receives what a frame holds, in order. */
    public interface Listener {
        void onTrade(Trade trade);

        /** A correction of an earlier trade ({@code "T":"c"}); consumers that keep no candles ignore it. */
        default void onCorrection(TradeCorrection correction) {}

        /** A cancel or error of an earlier trade ({@code "T":"x"}). */
        default void onCancel(TradeCancel cancel) {}

        /** A quote ({@code "T":"q"}); only a client that subscribed to quotes gets them. */
        default void onQuote(Quote quote) {}

        /** A minute bar, an updated minute bar or a daily bar ({@code "T":"b"}, {@code "u"}, {@code "d"}). */
        default void onBar(ProviderBar bar) {}

        /** A trading status ({@code "T":"s"}): a halt, a resumption. */
        default void onStatus(TradingStatus status) {}

        /** Connection messages; data consumers ignore them. */
        default void onControl(ControlMessage message) {}

        /** A message that cannot be used: {@code reason} names the field, {@code raw} is its text. */
        void onMalformed(String reason, String raw);
    }

    /** Market-data types that are valid but not read: LULD bands, news, imbalances. */
    private static final Set<String> OTHER_DATA_TYPES = Set.of("l", "n", "i");

    private final JsonFactory factory = new JsonFactory();

    public void parse(String text, Listener listener) {
        int elementStart = 0;
        try (JsonParser p = factory.createParser(text)) {
            JsonToken token = p.nextToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new JsonParseProblem("unterminated array");
                    }
                    elementStart = (int) p.currentTokenLocation().getCharOffset();
                    element(p, text, elementStart, listener);
                }
            } else if (token == JsonToken.START_OBJECT) {
                element(p, text, elementStart, listener);
            } else {
                listener.onMalformed(token == null ? "empty message" : "expected a JSON array or object", text);
                return;
            }
            if (p.nextToken() != null) {
                elementStart = (int) p.currentTokenLocation().getCharOffset();
                throw new JsonParseProblem("unexpected text after the message");
            }
        } catch (JsonProcessingException | JsonParseProblem e) {
            String reason = e instanceof JsonProcessingException jpe ? "invalid JSON: " + jpe.getOriginalMessage() : e.getMessage();
            listener.onMalformed(reason, text.substring(Math.min(elementStart, text.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
    }

    private void element(JsonParser p, String text, int start, Listener listener) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            listener.onMalformed("expected an object in the array", raw(p, text, start));
            return;
        }
        Fields f = new Fields();
        String problem = null;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            token = p.nextToken();
            String fieldProblem = f.read(name, token, p);
            if (problem == null) {
                problem = fieldProblem;
            }
        }
        String type = f.type;
        if (problem == null && type != null && type.length() == 1 && "tcxqbuds".contains(type)) {
            problem = f.dataProblem(type);
            if (problem == null) {
                switch (type) {
                    case "t" -> listener.onTrade(new Trade(f.symbol, f.timestamp, f.price, f.size, f.exchange, f.id,
                            f.conditions, f.tape));
                    case "c" -> listener.onCorrection(new TradeCorrection(f.symbol, f.timestamp, f.exchange, f.tape,
                            f.originalId, f.originalPrice, f.originalSize, f.originalConditions,
                            f.correctedId, f.correctedPrice, f.correctedSize, f.correctedConditions));
                    case "x" -> listener.onCancel(new TradeCancel(f.symbol, f.timestamp, f.exchange, f.tape, f.id, f.price,
                            f.size, f.action));
                    case "q" -> listener.onQuote(new Quote(f.symbol, f.timestamp, f.bidExchange, f.bidPrice, f.bidSize,
                            f.askExchange, f.askPrice, f.askSize, f.conditions, f.tape));
                    case "s" -> listener.onStatus(new TradingStatus(f.symbol, f.timestamp, f.statusCode, f.statusMessage,
                            f.reasonCode, f.reasonMessage, f.tape));
                    default -> listener.onBar(new ProviderBar(ProviderBar.Kind.ofType(type), f.symbol, f.timestamp,
                            f.open, f.high, f.low, f.close, f.volume, f.tradeCount, f.vwap));
                }
                return;
            }
        } else if (type == null) {
            problem = "missing field 'T' (message type)";
        } else if (ControlMessage.SUCCESS.equals(type) || ControlMessage.ERROR.equals(type)
                || ControlMessage.SUBSCRIPTION.equals(type)) {
            listener.onControl(new ControlMessage(type, f.msg, (int) f.code, f.channels == null ? Map.of() : f.channels));
            return;
        } else if (OTHER_DATA_TYPES.contains(type)) {
            return;
        } else if (problem == null) {
            problem = "unknown message type 'T'=\"" + type + "\"";
        }
        listener.onMalformed(problem, raw(p, text, start));
    }

    private static String raw(JsonParser p, String text, int start) {
        int end = (int) p.currentLocation().getCharOffset();
        return text.substring(start, Math.max(start, Math.min(end, text.length())));
    }

    /** The fields of one message, filled as they stream past. */
    private static final class Fields {
        private static final double MISSING = Double.NaN;
        private static final long MISSING_WHOLE = Long.MIN_VALUE;

        String type;
        String symbol;
        String exchange;
        String tape;
        String timeText;
        long timestamp;
        double price = MISSING;
        long size = MISSING_WHOLE;
        long id = MISSING_WHOLE;
        String[] conditions;
        long originalId = MISSING_WHOLE;
        double originalPrice = MISSING;
        long originalSize = MISSING_WHOLE;
        String[] originalConditions;
        long correctedId = MISSING_WHOLE;
        double correctedPrice = MISSING;
        long correctedSize = MISSING_WHOLE;
        String[] correctedConditions;
        String action;
        String bidExchange;
        double bidPrice = MISSING;
        long bidSize = MISSING_WHOLE;
        String askExchange;
        double askPrice = MISSING;
        long askSize = MISSING_WHOLE;
        double open = MISSING;
        double high = MISSING;
        double low = MISSING;
        /** A bar's {@code c}; a trade's or quote's {@code c} is its conditions. */
        double close = MISSING;
        /** Set when {@code c} was neither conditions nor a number; only a bar finds that wrong. */
        boolean closeNotANumber;
        long volume = MISSING_WHOLE;
        long tradeCount = MISSING_WHOLE;
        double vwap = MISSING;
        String statusCode;
        String statusMessage;
        String reasonCode;
        String reasonMessage;
        String msg;
        long code;
        Map<String, List<String>> channels;

        /** Reads one field; returns a problem naming it, or null. */
        String read(String name, JsonToken token, JsonParser p) throws IOException {
            switch (name) {
                case "T" -> type = string(token, p);
                case "S" -> symbol = string(token, p);
                case "x" -> exchange = string(token, p);
                case "z" -> tape = string(token, p);
                case "t" -> timeText = string(token, p);
                case "a" -> action = string(token, p);
                case "bx" -> bidExchange = string(token, p);
                case "ax" -> askExchange = string(token, p);
                case "sc" -> statusCode = string(token, p);
                case "sm" -> statusMessage = string(token, p);
                case "rc" -> reasonCode = string(token, p);
                case "rm" -> reasonMessage = string(token, p);
                case "msg" -> msg = string(token, p);
                case "p", "op", "cp", "bp", "ap", "o", "h", "l", "vw" -> {
                    if (!token.isNumeric()) {
                        if (token.isStructStart()) {
                            p.skipChildren();
                        }
                        return "field '" + name + "' (" + label(name) + ") must be a number";
                    }
                    double value = p.getDoubleValue();
                    switch (name) {
                        case "p" -> price = value;
                        case "op" -> originalPrice = value;
                        case "cp" -> correctedPrice = value;
                        case "bp" -> bidPrice = value;
                        case "ap" -> askPrice = value;
                        case "o" -> open = value;
                        case "h" -> high = value;
                        case "l" -> low = value;
                        default -> vwap = value;
                    }
                }
                case "s", "os", "cs", "bs", "as", "v", "n" -> {
                    long value;
                    if (token == JsonToken.VALUE_NUMBER_INT) {
                        value = p.getLongValue();
                    } else if (token == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == Math.rint(p.getDoubleValue())) {
                        value = (long) p.getDoubleValue();
                    } else if (token.isScalarValue()) {
                        return "field '" + name + "' (" + label(name) + ") must be a whole number";
                    } else {
                        p.skipChildren();
                        return null;
                    }
                    switch (name) {
                        case "s" -> size = value;
                        case "os" -> originalSize = value;
                        case "cs" -> correctedSize = value;
                        case "bs" -> bidSize = value;
                        case "as" -> askSize = value;
                        case "v" -> volume = value;
                        default -> tradeCount = value;
                    }
                }
                case "i", "oi", "ci", "code" -> {
                    if (token == JsonToken.VALUE_NUMBER_INT) {
                        long value = p.getLongValue();
                        switch (name) {
                            case "i" -> id = value;
                            case "oi" -> originalId = value;
                            case "ci" -> correctedId = value;
                            default -> code = value;
                        }
                    } else if (token.isStructStart()) {
                        p.skipChildren();
                    }
                }
                case "c" -> {
                    if (token == JsonToken.START_ARRAY) {
                        List<String> values = strings(p);
                        conditions = values == null ? null : values.toArray(String[]::new);
                    } else if (token.isNumeric()) {
                        close = p.getDoubleValue();
                    } else if (token.isStructStart()) {
                        p.skipChildren();
                        closeNotANumber = true;
                    } else {
                        closeNotANumber = true;
                    }
                }
                default -> {
                    if (token == JsonToken.START_ARRAY) {
                        List<String> values = strings(p);
                        String[] codes = values == null ? null : values.toArray(String[]::new);
                        switch (name) {
                            case "oc" -> originalConditions = codes;
                            case "cc" -> correctedConditions = codes;
                            default -> {
                                if (values != null) {
                                    if (channels == null) {
                                        channels = new LinkedHashMap<>();
                                    }
                                    channels.put(name, List.copyOf(values));
                                }
                            }
                        }
                    } else if (token.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
            return null;
        }

        private static String string(JsonToken token, JsonParser p) throws IOException {
            if (token == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            if (token.isStructStart()) {
                p.skipChildren();
            }
            return null;
        }

        private static String label(String name) {
            return switch (name) {
                case "p" -> "price";
                case "op" -> "original price";
                case "cp" -> "corrected price";
                case "s" -> "size";
                case "os" -> "original size";
                case "cs" -> "corrected size";
                case "i" -> "trade id";
                case "oi" -> "original trade id";
                case "ci" -> "corrected trade id";
                case "bp" -> "bid price";
                case "ap" -> "ask price";
                case "bs" -> "bid size";
                case "as" -> "ask size";
                case "o" -> "open";
                case "h" -> "high";
                case "l" -> "low";
                case "c" -> "close";
                case "v" -> "volume";
                case "n" -> "trade count";
                case "vw" -> "volume-weighted average price";
                case "sc" -> "status code";
                default -> name;
            };
        }

        /** A JSON array of strings, or null (having skipped it) when it holds anything else. */
        private static List<String> strings(JsonParser p) throws IOException {
            List<String> values = new ArrayList<>(4);
            JsonToken t;
            boolean allStrings = true;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    values.add(p.getText());
                } else {
                    allStrings = false;
                    p.skipChildren();
                }
            }
            return allStrings ? values : null;
        }

        /**
         * Checks the fields a data message of this type needs: trade {@code t}, correction {@code c},
         * cancel {@code x}, quote {@code q}, bar {@code b}/{@code u}/{@code d}, status {@code s}; returns
         * a problem naming one, or null.
         */
        String dataProblem(String type) {
            if (symbol == null || symbol.isEmpty()) {
                return "missing field 'S' (symbol)";
            }
            if (timeText == null) {
                return "missing field 't' (timestamp)";
            }
            try {
                timestamp = EpochNanos.parse(timeText);
            } catch (DateTimeParseException | ArithmeticException e) {
                return "field 't' (timestamp) is not RFC 3339: \"" + timeText + "\"";
            }
            return switch (type) {
                case "c" -> {
                    String problem = printProblem("o", originalPrice, originalSize, originalId);
                    yield problem != null ? problem : printProblem("c", correctedPrice, correctedSize, correctedId);
                }
                case "t" -> printProblem("", price, size, id);
                case "x" -> {
                    String problem = printProblem("", price, size, id);
                    yield problem != null ? problem : actionProblem();
                }
                case "q" -> quoteProblem();
                case "s" -> statusCode == null || statusCode.isEmpty() ? "missing field 'sc' (status code)" : null;
                default -> barProblem();
            };
        }

        private String actionProblem() {
            if (action == null) {
                return "missing field 'a' (action)";
            }
            if (!TradeCancel.CANCEL.equals(action) && !TradeCancel.ERROR.equals(action)) {
                return "field 'a' (action) must be \"C\" or \"E\": \"" + action + "\"";
            }
            return null;
        }

        /** A side without a bid or offer is sent with price and size 0, so zero is valid here. */
        private String quoteProblem() {
            String problem = firstOf(notNegative("bp", bidPrice), notNegative("ap", askPrice));
            return problem != null ? problem : firstOf(notNegative("bs", bidSize), notNegative("as", askSize));
        }

        private String barProblem() {
            if (closeNotANumber) {
                return "field 'c' (close) must be a number";
            }
            String problem = firstOf(positive("o", open), positive("h", high), positive("l", low), positive("c", close));
            if (problem != null) {
                return problem;
            }
            if (high < low || high < Math.max(open, close) || low > Math.min(open, close)) {
                return "field 'h' (high) and 'l' (low) must enclose 'o' (open) and 'c' (close): h=" + high + " l=" + low
                        + " o=" + open + " c=" + close;
            }
            return firstOf(notNegative("v", volume), notNegative("n", tradeCount), notNegative("vw", vwap));
        }

        private static String firstOf(String... problems) {
            for (String problem : problems) {
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        private static String positive(String name, double value) {
            if (Double.isNaN(value)) {
                return "missing field '" + name + "' (" + label(name) + ")";
            }
            return value > 0 && !Double.isInfinite(value) ? null
                    : "field '" + name + "' (" + label(name) + ") must be a positive number";
        }

        private static String notNegative(String name, double value) {
            if (Double.isNaN(value)) {
                return "missing field '" + name + "' (" + label(name) + ")";
            }
            return value >= 0 && !Double.isInfinite(value) ? null
                    : "field '" + name + "' (" + label(name) + ") must not be negative";
        }

        private static String notNegative(String name, long value) {
            if (value == MISSING_WHOLE) {
                return "missing field '" + name + "' (" + label(name) + ")";
            }
            return value >= 0 ? null : "field '" + name + "' (" + label(name) + ") must not be negative";
        }

        /** The price, size and id of one print, named {@code prefix + "p"} and so on. */
        private static String printProblem(String prefix, double price, long size, long id) {
            String p = prefix + "p";
            String s = prefix + "s";
            String i = prefix + "i";
            String problem = positive(p, price);
            if (problem != null) {
                return problem;
            }
            if (size == MISSING_WHOLE) {
                return "missing field '" + s + "' (" + label(s) + ")";
            }
            if (size <= 0) {
                return "field '" + s + "' (" + label(s) + ") must be positive";
            }
            if (id == MISSING_WHOLE) {
                return "missing field '" + i + "' (" + label(i) + ")";
            }
            return null;
        }
    }

    /** A structural problem found after the JSON itself parsed. */
    private static final class JsonParseProblem extends RuntimeException {
        JsonParseProblem(String message) {
            super(message, null, false, false);
        }
    }
}
