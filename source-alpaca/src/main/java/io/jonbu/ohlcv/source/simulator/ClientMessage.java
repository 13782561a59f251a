package io.jonbu.ohlcv.source.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client sends: {@code {"action":"auth","key":..,"secret":..}} or
 * {@code {"action":"subscribe"|"unsubscribe","trades":[..],..}}. Channels the simulator does not know
 * are ignored; a known channel that is not an array of strings makes the message invalid.
 */
record ClientMessage(String action, String key, String secret, Map<String, List<String>> channels) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the text is not a well-formed action (Alpaca's 400) */
    static ClientMessage parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (root == null || !root.isObject() || !root.path("action").isTextual()) {
            throw new IllegalArgumentException("not an object with a string 'action'");
        }
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (String channel : Subscription.CHANNELS) {
            JsonNode symbols = root.get(channel);
            if (symbols != null) {
                channels.put(channel, strings(channel, symbols));
            }
        }
        return new ClientMessage(root.get("action").asText(), text(root, "key"), text(root, "secret"), channels);
    }

    private static List<String> strings(String channel, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("'" + channel + "' is not an array");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new IllegalArgumentException("'" + channel + "' holds a non-string");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    @Override
    public String toString() {
        return "ClientMessage[action=" + action + ", channels=" + channels + "]";
    }
}
