package io.jonbu.ohlcv.serving.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;

/**
 * One candle or enriched candle from Kafka, already encoded as the object clients receive in a
 * message's array: decoded once on the consumer thread and the same text sent to every subscriber.
 *
 * @param key  which candle: a newer update of the same candle replaces one still waiting to be sent;
 *             built once here rather than for each client that looks it up
 * @param text    {@code {"T":"candle",...the candle's JSON...}} or {@code {"T":"enriched",...}}
 * @param message {@code [text]}: the message when the update goes alone, as it mostly does to a client
 *                that keeps up, built once rather than for each client
 */
record StreamUpdate(Key key, boolean isFinal, String text, String message) {

    enum Kind {
        CANDLE("candle"), ENRICHED("enriched");

        final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    /**
     * The same candle, whatever its revision: what coalescing replaces.
     *
     * @param start the candle's start as published (RFC 3339)
     */
    record Key(Kind kind, String symbol, Timeframe timeframe, String start) {}

    Kind kind() {
        return key.kind();
    }

    String symbol() {
        return key.symbol();
    }

    Timeframe timeframe() {
        return key.timeframe();
    }

    /**
     * Decodes a record value as the job writes it: a candle, or an enriched candle whose candle is
     * under {@code ohlcv}.
     *
     * @throws IllegalArgumentException when the value is not such JSON
     */
    static StreamUpdate decode(Kind kind, String value) {
        JsonNode tree;
        try {
            tree = ApiJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode candle = kind == Kind.ENRICHED ? object.path("ohlcv") : object;
        String symbol = text(candle, "symbol");
        Timeframe timeframe = Timeframe.parse(text(candle, "timeframe"));
        String start = text(candle, "start");
        ObjectNode message = ApiJson.mapper().createObjectNode().put("T", kind.type);
        message.setAll(object);
        String text = message.toString();
        return new StreamUpdate(new Key(kind, symbol, timeframe, start), candle.path("final").asBoolean(false), text, "[" + text + "]");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text field '" + field + "'");
        }
        return value.asText();
    }
}
