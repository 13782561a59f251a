package io.jonbu.ohlcv.model.tape;

/**
 * Which parts of a candle one trade may update. There are only eight values and they are all
 * precomputed, so classifying a trade never allocates.
 *
 * @param updatesHighLow may set the high and low
 * @param updatesLast    may set the open and close
 * @param updatesVolume  counts towards volume, VWAP and trade count
 */
public record TradeEligibility(boolean updatesHighLow, boolean updatesLast, boolean updatesVolume) {

    static final int HIGH_LOW = 1;
    static final int LAST = 2;
    static final int VOLUME = 4;
    static final int ALL_BITS = HIGH_LOW | LAST | VOLUME;

    private static final TradeEligibility[] BY_MASK = new TradeEligibility[ALL_BITS + 1];

    static {
        for (int mask = 0; mask <= ALL_BITS; mask++) {
            BY_MASK[mask] = new TradeEligibility(
                    (mask & HIGH_LOW) != 0, (mask & LAST) != 0, (mask & VOLUME) != 0);
        }
    }

    /** A regular sale: updates everything. */
    public static final TradeEligibility ALL = BY_MASK[ALL_BITS];
    /** Counts as volume but sets no price: odd lots, average-price trades, extended-hours trades. */
    public static final TradeEligibility VOLUME_ONLY = BY_MASK[VOLUME];
    /** Informational prints such as a market center's official open or close. */
    public static final TradeEligibility NONE = BY_MASK[0];

    public static TradeEligibility of(boolean updatesHighLow, boolean updatesLast, boolean updatesVolume) {
        return BY_MASK[(updatesHighLow ? HIGH_LOW : 0) | (updatesLast ? LAST : 0) | (updatesVolume ? VOLUME : 0)];
    }

    static TradeEligibility ofMask(int mask) {
        return BY_MASK[mask & ALL_BITS];
    }

    int mask() {
        return (updatesHighLow ? HIGH_LOW : 0) | (updatesLast ? LAST : 0) | (updatesVolume ? VOLUME : 0);
    }
}
