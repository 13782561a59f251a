package io.jonbu.ohlcv.model;

import java.util.Objects;

/**
 * A bar as Alpaca builds it and streams it: a minute bar ({@code "T":"b"}) just after its minute
 * closes, the same minute again ({@code "T":"u"}) when a late trade changed it, or the running bar
 * of the day ({@code "T":"d"}). Kept beside the job's own candles, as the provider's view of the
 * same tape.
 *
 * @param kind       which of the three messages it came as
 * @param symbol     ticker ({@code S})
 * @param start      the interval start, epoch nanoseconds UTC ({@code t}); a daily bar's is midnight
 *                   America/New_York
 * @param open       {@code o}
 * @param high       {@code h}
 * @param low        {@code l}
 * @param close      {@code c}
 * @param volume     {@code v}
 * @param tradeCount {@code n}
 * @param vwap       volume-weighted average price ({@code vw})
 */
public record ProviderBar(
        Kind kind,
        String symbol,
        long start,
        double open,
        double high,
        double low,
        double close,
        long volume,
        long tradeCount,
        double vwap) {

    /** The stream message a bar came as, by its {@code T}. */
    public enum Kind {
        BAR("b"),
        UPDATED_BAR("u"),
        DAILY_BAR("d");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        /** The message's {@code "T"}. */
        public String type() {
            return type;
        }

        /** The kind whose {@code "T"} is {@code type}; the caller knows it is one of {@code b}, {@code u}, {@code d}. */
        public static Kind ofType(String type) {
            return switch (type) {
                case "b" -> BAR;
                case "u" -> UPDATED_BAR;
                case "d" -> DAILY_BAR;
                default -> throw new IllegalArgumentException("not a bar message type: " + type);
            };
        }
    }

    public ProviderBar {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
    }

    /** The same bar as another kind of message. */
    public ProviderBar as(Kind other) {
        return new ProviderBar(other, symbol, start, open, high, low, close, volume, tradeCount, vwap);
    }

    @Override
    public String toString() {
        return "ProviderBar[" + kind.type() + " " + symbol + " " + EpochNanos.format(start) + " o=" + open + " h=" + high
                + " l=" + low + " c=" + close + " v=" + volume + " n=" + tradeCount + " vw=" + vwap + "]";
    }
}
