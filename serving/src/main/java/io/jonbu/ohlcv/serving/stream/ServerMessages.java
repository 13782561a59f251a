package io.jonbu.ohlcv.serving.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.model.json.ApiJson;

/**
 * The stream's control messages, each an object typed by {@code "T"} as in Alpaca's stream; a client
 * receives them inside a message's array, as every other object ({@link ClientSession}).
 */
final class ServerMessages {
    static final String CONNECTED = ApiJson.mapper().createObjectNode().put("T", "success").put("msg", "connected").toString();

    static final String AUTHENTICATED = ApiJson.mapper().createObjectNode().put("T", "success").put("msg", "authenticated").toString();

    private ServerMessages() {}

    /** {@code {"T":"subscription","candles":[..],"timeframes":[..],"enriched":..}}: the whole current subscription. */
    static String subscription(Subscription s) {
        ObjectNode body = ApiJson.mapper().createObjectNode().put("T", "subscription");
        s.candles().stream().sorted().forEach(body.putArray("candles")::add);
        s.timeframes().stream().sorted().forEach(body.putArray("timeframes")::add);
        body.put("enriched", s.enriched());
        return body.toString();
    }
}
