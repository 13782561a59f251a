package io.jonbu.ohlcv.model.alpaca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A stream channel a client may subscribe to besides trades (which, with their corrections and
 * cancels, are always subscribed): named as in Alpaca's {@code subscribe} message.
 */
public enum Channel {
    QUOTES("quotes"),
    BARS("bars"),
    UPDATED_BARS("updatedBars"),
    DAILY_BARS("dailyBars"),
    STATUSES("statuses");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    /** The key in Alpaca's {@code subscribe} and {@code subscription} messages. */
    public String wireName() {
        return wireName;
    }

    /**
     * The channels of a comma-separated list of wire names ({@code quotes,bars,updatedBars,dailyBars,statuses});
     * blank or {@code none} is none.
     *
     * @throws IllegalArgumentException naming the value that is no channel, and the ones there are
     */
    public static Set<Channel> parseList(String list) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (list == null || list.isBlank() || list.trim().equals("none")) {
            return channels;
        }
        for (String name : list.split(",")) {
            channels.add(ofWireName(name.trim()));
        }
        return channels;
    }

    public static Channel ofWireName(String name) {
        for (Channel c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a channel; use any of " + names() + " (trades always)");
    }

    /** The wire names, comma-separated, in this order: the inverse of {@link #parseList}. */
    public static String format(Set<Channel> channels) {
        List<String> names = new ArrayList<>();
        for (Channel c : values()) {
            if (channels.contains(c)) {
                names.add(c.wireName);
            }
        }
        return String.join(",", names);
    }

    private static String names() {
        return String.join(",", Arrays.stream(values()).map(Channel::wireName).toList());
    }
}
