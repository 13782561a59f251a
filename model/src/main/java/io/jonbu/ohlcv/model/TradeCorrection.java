package io.jonbu.ohlcv.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A correction of an earlier trade print (Alpaca's {@code "T":"c"} message): the original trade's
 * id, price, size and conditions, and the values that replace them. The corrected print has its
 * own id. {@code timestamp} is the original trade's event time, as Alpaca sends it, so the
 * correction lands in the candles the original trade went into.
 *
 * @param symbol              ticker
 * @param timestamp           the original trade's event time, epoch nanoseconds UTC
 * @param exchange            exchange code of the original (and corrected) print
 * @param tape                consolidated tape {@code A}, {@code B} or {@code C}
 * @param originalId          {@code oi}
 * @param originalPrice       {@code op}
 * @param originalSize        {@code os}
 * @param originalConditions  {@code oc}; an array so Flink needs no Kryo
 * @param correctedId         {@code ci}
 * @param correctedPrice      {@code cp}
 * @param correctedSize       {@code cs}
 * @param correctedConditions {@code cc}
 */
public record TradeCorrection(
        String symbol,
        long timestamp,
        String exchange,
        String tape,
        long originalId,
        double originalPrice,
        long originalSize,
        String[] originalConditions,
        long correctedId,
        double correctedPrice,
        long correctedSize,
        String[] correctedConditions) {

    private static final String[] NO_CONDITIONS = new String[0];

    public TradeCorrection {
        Objects.requireNonNull(symbol, "symbol");
        originalConditions = originalConditions == null ? NO_CONDITIONS : originalConditions;
        correctedConditions = correctedConditions == null ? NO_CONDITIONS : correctedConditions;
    }

    /** The print as it was first reported. */
    public Trade original() {
        return new Trade(symbol, timestamp, originalPrice, originalSize, exchange, originalId, originalConditions, tape);
    }

    /** The print as it stands after the correction. */
    public Trade corrected() {
        return new Trade(symbol, timestamp, correctedPrice, correctedSize, exchange, correctedId, correctedConditions, tape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TradeCorrection c && original().equals(c.original()) && corrected().equals(c.corrected());
    }

    @Override
    public int hashCode() {
        return Objects.hash(original(), corrected());
    }

    @Override
    public String toString() {
        return "TradeCorrection[" + symbol + " " + EpochNanos.format(timestamp) + " x=" + exchange
                + " i=" + originalId + " " + originalPrice + " x " + originalSize + " c=" + Arrays.toString(originalConditions)
                + " -> i=" + correctedId + " " + correctedPrice + " x " + correctedSize + " c=" + Arrays.toString(correctedConditions) + "]";
    }
}
