package io.jonbu.ohlcv.serving.candle;

import io.jonbu.ohlcv.model.Timeframe;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The opaque cursor of a history page: the start of the next candle, with the series it belongs to,
 * or, for a page over several symbols, the next start of each series that has more. Keyset rather
 * than offset, so a page boundary does not move when candles are inserted meanwhile.
 */
final class PageToken {
    private static final String VERSION = "v1";
    private static final String SERIES_VERSION = "s1";

    private PageToken() {}

    static String of(String symbol, Timeframe timeframe, long nextStart) {
        String plain = VERSION + '|' + symbol + '|' + timeframe.label() + '|' + nextStart;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The start the token continues from, or null if it is not a token of this series. */
    static Long startIn(String token, String symbol, Timeframe timeframe) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 4 && parts[0].equals(VERSION) && parts[1].equals(symbol) && parts[2].equals(timeframe.label())) {
                return Long.parseLong(parts[3]);
            }
        } catch (IllegalArgumentException e) { // bad base64 or number: the same answer as a foreign token
            return null;
        }
        return null;
    }

    static String ofSeries(Timeframe timeframe, Map<String, Long> nextStarts) {
        StringJoiner plain = new StringJoiner("|").add(SERIES_VERSION).add(timeframe.label());
        nextStarts.forEach((symbol, start) -> plain.add(symbol + '=' + start));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The next start of each series the token continues, or null if it is not a token of these
     * symbols' {@code timeframe} history.
     */
    static Map<String, Long> startsIn(String token, Timeframe timeframe, Collection<String> symbols) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length < 3 || !parts[0].equals(SERIES_VERSION) || !parts[1].equals(timeframe.label())) {
                return null;
            }
            Map<String, Long> starts = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                int eq = parts[i].lastIndexOf('=');
                String symbol = parts[i].substring(0, Math.max(eq, 0));
                if (eq < 0 || !symbols.contains(symbol)) {
                    return null;
                }
                starts.put(symbol, Long.parseLong(parts[i].substring(eq + 1)));
            }
            return starts;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
