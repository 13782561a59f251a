package io.jonbu.ohlcv.model.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
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
 * <p>One streaming pass per frame, straight into {@link Trade}s, {@link TradeCorrection}s and
 * {@link TradeCancel}s: no tree, no intermediate map, since this runs for every trade. A bad message is reported with its own raw text and does not spoil the
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

        /** Connection messages; data consumers ignore them. */
        default void onControl(ControlMessage message) {}

        /** A message that cannot be used: {@code reason} names the field, {@code raw} is its text. */
        void onMalformed(String reason, String raw);
    }

    /** Market-data types that are valid but not read; later stages will consume some of them. */
    private static final Set<String> OTHER_DATA_TYPES = Set.of("q", "b", "u", "d", "s", "l", "n", "i");

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
        if (problem == null && ("t".equals(type) || "c".equals(type) || "x".equals(type))) {
            problem = f.tapeProblem(type);
            if (problem == null) {
                switch (type) {
                    case "t" -> listener.onTrade(new Trade(f.symbol, f.timestamp, f.price, f.size, f.exchange, f.id,
                            f.conditions, f.tape));
                    case "c" -> listener.onCorrection(new TradeCorrection(f.symbol, f.timestamp, f.exchange, f.tape,
                            f.originalId, f.originalPrice, f.originalSize, f.originalConditions,
                            f.correctedId, f.correctedPrice, f.correctedSize, f.correctedConditions));
                    default -> listener.onCancel(new TradeCancel(f.symbol, f.timestamp, f.exchange, f.tape, f.id, f.price,
                            f.size, f.action));
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
        String type;
        String symbol;
        String exchange;
        String tape;
        String timeText;
        long timestamp;
        double price = Double.NaN;
        long size = Long.MIN_VALUE;
        long id = Long.MIN_VALUE;
        String[] conditions;
        long originalId = Long.MIN_VALUE;
        double originalPrice = Double.NaN;
        long originalSize = Long.MIN_VALUE;
        String[] originalConditions;
        long correctedId = Long.MIN_VALUE;
        double correctedPrice = Double.NaN;
        long correctedSize = Long.MIN_VALUE;
        String[] correctedConditions;
        String action;
        String msg;
        long code;
        Map<String, List<String>> channels;

        /** Reads one field; returns a problem naming it, or null. */
        String read(String name, JsonToken token, JsonParser p) throws IOException {
            switch (name) {
                case "T" -> type = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "S" -> symbol = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "x" -> exchange = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "z" -> tape = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "t" -> timeText = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "a" -> action = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "msg" -> msg = token == JsonToken.VALUE_STRING ? p.getText() : null;
                case "p", "op", "cp" -> {
                    if (!token.isNumeric()) {
                        return "field '" + name + "' (" + label(name) + ") must be a number";
                    }
                    double value = p.getDoubleValue();
                    switch (name) {
                        case "p" -> price = value;
                        case "op" -> originalPrice = value;
                        default -> correctedPrice = value;
                    }
                }
                case "s", "os", "cs" -> {
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
                        default -> correctedSize = value;
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
                default -> {
                    if (token == JsonToken.START_ARRAY) {
                        List<String> values = strings(p);
                        String[] codes = values == null ? null : values.toArray(String[]::new);
                        switch (name) {
                            case "c" -> conditions = codes;
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
                default -> "corrected trade id";
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

        /** Checks the fields a trade ({@code t}), correction ({@code c}) or cancel ({@code x}) needs; returns a problem naming one, or null. */
        String tapeProblem(String type) {
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
            String problem;
            if ("c".equals(type)) {
                problem = printProblem("o", originalPrice, originalSize, originalId);
                return problem != null ? problem : printProblem("c", correctedPrice, correctedSize, correctedId);
            }
            problem = printProblem("", price, size, id);
            if (problem != null || !"x".equals(type)) {
                return problem;
            }
            if (action == null) {
                return "missing field 'a' (action)";
            }
            if (!TradeCancel.CANCEL.equals(action) && !TradeCancel.ERROR.equals(action)) {
                return "field 'a' (action) must be \"C\" or \"E\": \"" + action + "\"";
            }
            return null;
        }

        /** The price, size and id of one print, named {@code prefix + "p"} and so on. */
        private static String printProblem(String prefix, double price, long size, long id) {
            String p = prefix + "p";
            String s = prefix + "s";
            String i = prefix + "i";
            if (Double.isNaN(price)) {
                return "missing field '" + p + "' (" + label(p) + ")";
            }
            if (!(price > 0) || Double.isInfinite(price)) {
                return "field '" + p + "' (" + label(p) + ") must be a positive number";
            }
            if (size == Long.MIN_VALUE) {
                return "missing field '" + s + "' (" + label(s) + ")";
            }
            if (size <= 0) {
                return "field '" + s + "' (" + label(s) + ") must be positive";
            }
            if (id == Long.MIN_VALUE) {
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
