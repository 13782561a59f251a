package io.jonbu.ohlcv.job.indicator;

/** TA-Lib's notion of zero, which decides several indicators' values in flat markets. */
final class Numbers {
    private Numbers() {}

    /** TA_IS_ZERO: within 1e-8 of zero. */
    static boolean isZero(double v) {
        return -0.00000001 < v && v < 0.00000001;
    }

    /** TA_IS_ZERO_OR_NEG: below 1e-8. */
    static boolean isZeroOrNegative(double v) {
        return v < 0.00000001;
    }
}
