package io.jonbu.ohlcv.model.alpaca;

import java.util.List;
import java.util.Map;

/**
 * A stream message about the connection rather than the market: {@code success} (connected,
 * authenticated), {@code error} (with Alpaca's numeric code) or {@code subscription} (the whole
 * current subscription, channel name to symbols).
 */
public record ControlMessage(String type, String msg, int code, Map<String, List<String>> channels) {
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";
    public static final String SUBSCRIPTION = "subscription";

    public boolean isError() {
        return ERROR.equals(type);
    }

    public boolean isSuccess(String message) {
        return SUCCESS.equals(type) && message.equals(msg);
    }

    public List<String> channel(String name) {
        return channels.getOrDefault(name, List.of());
    }
}
