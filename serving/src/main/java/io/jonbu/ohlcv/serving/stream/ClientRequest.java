package io.jonbu.ohlcv.serving.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.candle.CandleHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A client's {@code subscribe} or {@code unsubscribe} message, validated:
 * {@code {"action":"subscribe","candles":["AAPL"],"timeframes":["1m"],"enriched":false}}. Lists may be
 * absent (nothing to add or remove); {@code enriched} absent leaves the flag as it is. Or its
 * {@code {"action":"auth","key":"<API key>"}}, when the server needs keys and the upgrade request
 * carried none (a browser's WebSocket cannot set headers).
 *
 * @param candles    upper-cased symbols or {@code *}
 * @param timeframes canonical labels or {@code *}
 * @param key        the API key of an {@code auth}, else null
 */
record ClientRequest(Action action, List<String> candles, List<String> timeframes, Boolean enriched, String key) {

    enum Action { AUTH, SUBSCRIBE, UNSUBSCRIBE }

    /** @throws StreamError a {@code 400} naming the field at fault */
    static ClientRequest parse(String text) {
        JsonNode tree;
        try {
            tree = ApiJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw StreamError.invalidSyntax(null, "not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw StreamError.invalidSyntax(null, "expected a JSON object");
        }
        Action action = action(tree.get("action"));
        if (action == Action.AUTH) {
            JsonNode key = tree.get("key");
            if (key == null || !key.isTextual() || key.asText().isBlank()) {
                throw StreamError.invalidSyntax("key", "expected the API key as a string");
            }
            return new ClientRequest(action, List.of(), List.of(), null, key.asText());
        }
        return new ClientRequest(action, candles(tree.get("candles")), timeframes(tree.get("timeframes")),
                enriched(tree.get("enriched")), null);
    }

    private static Action action(JsonNode node) {
        String action = node != null && node.isTextual() ? node.asText() : null;
        if ("subscribe".equals(action)) {
            return Action.SUBSCRIBE;
        }
        if ("unsubscribe".equals(action)) {
            return Action.UNSUBSCRIBE;
        }
        if ("auth".equals(action)) {
            return Action.AUTH;
        }
        throw StreamError.invalidSyntax("action", "expected \"subscribe\", \"unsubscribe\" or \"auth\", got " + node);
    }

    private static List<String> candles(JsonNode node) {
        List<String> symbols = new ArrayList<>();
        for (String s : strings("candles", node)) {
            if (!s.equals(Subscription.ANY) && !CandleHandlers.SYMBOL.matcher(s).matches()) {
                throw StreamError.invalidSyntax("candles", "'" + s + "' is not a symbol");
            }
            symbols.add(s.toUpperCase(Locale.ROOT));
        }
        return symbols;
    }

    private static List<String> timeframes(JsonNode node) {
        List<String> labels = new ArrayList<>();
        for (String s : strings("timeframes", node)) {
            try {
                labels.add(s.equals(Subscription.ANY) ? s : Timeframe.parse(s).label());
            } catch (IllegalArgumentException e) {
                throw StreamError.invalidSyntax("timeframes", e.getMessage());
            }
        }
        return labels;
    }

    private static List<String> strings(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw StreamError.invalidSyntax(field, "expected an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw StreamError.invalidSyntax(field, "expected an array of strings, found " + n);
            }
            values.add(n.asText());
        }
        return values;
    }

    private static Boolean enriched(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw StreamError.invalidSyntax("enriched", "expected true or false, got " + node);
        }
        return node.asBoolean();
    }
}
