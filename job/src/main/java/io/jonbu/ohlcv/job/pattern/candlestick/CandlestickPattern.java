package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * The candlestick patterns a {@link CandlestickPatternSet} detects, in the order of its
 * {@code out} array, each with a stable lower-case name for sinks and APIs and the TA-Lib function
 * it reproduces.
 */
public enum CandlestickPattern {
    DOJI("doji", "CDLDOJI"),
    DRAGONFLY_DOJI("dragonfly_doji", "CDLDRAGONFLYDOJI"),
    GRAVESTONE_DOJI("gravestone_doji", "CDLGRAVESTONEDOJI"),
    HAMMER("hammer", "CDLHAMMER"),
    HANGING_MAN("hanging_man", "CDLHANGINGMAN"),
    INVERTED_HAMMER("inverted_hammer", "CDLINVERTEDHAMMER"),
    SHOOTING_STAR("shooting_star", "CDLSHOOTINGSTAR"),
    ENGULFING("engulfing", "CDLENGULFING"),
    HARAMI("harami", "CDLHARAMI"),
    MORNING_STAR("morning_star", "CDLMORNINGSTAR"),
    EVENING_STAR("evening_star", "CDLEVENINGSTAR"),
    THREE_WHITE_SOLDIERS("three_white_soldiers", "CDL3WHITESOLDIERS"),
    THREE_BLACK_CROWS("three_black_crows", "CDL3BLACKCROWS");

    private final String id;
    private final String taLibFunction;

    CandlestickPattern(String id, String taLibFunction) {
        this.id = id;
        this.taLibFunction = taLibFunction;
    }

    /** The stable lower-case name, e.g. {@code three_white_soldiers}. */
    public String id() {
        return id;
    }

    public String taLibFunction() {
        return taLibFunction;
    }

    /**
     * The name of a signal of this pattern: the id, with the direction in front for the patterns
     * that fire both ways ({@code bullish_engulfing}, {@code bearish_harami}).
     */
    public String nameOf(int signal) {
        if (this == ENGULFING || this == HARAMI) {
            return (signal > 0 ? "bullish_" : "bearish_") + id;
        }
        return id;
    }
}
