package io.jonbu.ohlcv.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A symbol's trades as the tape holds them now over a window of event time, read back from the
 * REST trades endpoint after a gap in the live stream. Corrections and cancels filed while the
 * stream was down never reach the job as {@code "T":"c"} or {@code "T":"x"} messages, but the REST
 * tape has them applied (a corrected print under its new id, a cancelled one gone), so the candle
 * operator compares this with the prints it retained in the window and revises its candles to match.
 *
 * @param symbol ticker
 * @param from   the window's first instant, epoch nanoseconds UTC
 * @param to     the instant after the window's last, epoch nanoseconds UTC
 * @param trades every trade of the symbol stamped in [from, to), in time order; an array so Flink
 *               needs no Kryo
 */
public record TapeSnapshot(String symbol, long from, long to, Trade[] trades) {
    private static final Trade[] NO_TRADES = new Trade[0];

    public TapeSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        if (from > to) {
            throw new IllegalArgumentException("a tape snapshot's window [from, to) must not end before it starts, was ["
                    + EpochNanos.format(from) + ", " + EpochNanos.format(to) + ")");
        }
        trades = trades == null ? NO_TRADES : trades;
    }

    /** Whether {@code time} falls in the window. */
    public boolean covers(long time) {
        return time >= from && time < to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TapeSnapshot s && symbol.equals(s.symbol) && from == s.from && to == s.to
                && Arrays.equals(trades, s.trades);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, from, to, Arrays.hashCode(trades));
    }

    @Override
    public String toString() {
        return "TapeSnapshot[" + symbol + " [" + EpochNanos.format(from) + ", " + EpochNanos.format(to) + ") "
                + trades.length + " trades]";
    }
}
