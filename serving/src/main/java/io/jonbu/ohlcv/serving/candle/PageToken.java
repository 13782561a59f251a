package io.jonbu.ohlcv.serving.candle;

import io.jonbu.ohlcv.model.Timeframe;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a history page: the start of the next candle, with the series it belongs to.
 * Keyset rather than offset, so a page boundary does not move when candles are inserted meanwhile.
 */
final class PageToken {
    private static final String VERSION = "v1";

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
}
