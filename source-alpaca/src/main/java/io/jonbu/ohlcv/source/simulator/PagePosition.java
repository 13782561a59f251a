package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.EpochNanos;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;

/**
 * Where a page ended: the last item's symbol, timestamp and id (0 for bars). The next page starts
 * after it, so a page token stays valid while new trades arrive. As a token it is
 * {@code base64("AAPL|2024-03-08T14:30:00.5Z|52983525033527")}, the shape of Alpaca's own tokens.
 */
record PagePosition(String symbol, long timestamp, long id) {

    /** Symbols ascending, as Alpaca groups them; time and id in the requested direction. */
    static Comparator<PagePosition> order(boolean descending) {
        Comparator<PagePosition> inTime = Comparator.comparingLong(PagePosition::timestamp)
                .thenComparingLong(PagePosition::id);
        return Comparator.comparing(PagePosition::symbol).thenComparing(descending ? inTime.reversed() : inTime);
    }

    String token() {
        String plain = symbol + "|" + EpochNanos.format(timestamp) + "|" + id;
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static PagePosition parse(String token) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                throw HistoricalError.badParameter("invalid page_token");
            }
            return new PagePosition(parts[0], EpochNanos.parse(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw HistoricalError.badParameter("invalid page_token");
        }
    }
}
