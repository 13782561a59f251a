package io.jonbu.ohlcv.job.enrich.context;

import io.jonbu.ohlcv.model.enriched.Regime;

/**
 * Decides a candle's {@link Regime}, in this order:
 * <ol>
 *   <li>volatile when NATR(14) is at least {@value #VOLATILE_NATR_RATIO} times its own average over
 *       the last {@value #NATR_AVERAGE_PERIOD} candles: volatility is judged against the series' usual level, because a fixed
 *       ATR% that is calm for a daily candle is extreme for a one-minute one;
 *   <li>trending up (down) when ADX(14) is at least {@value #TRENDING_ADX}, the classic threshold of
 *       a trend, and the trend angle is positive (negative);
 *   <li>ranging otherwise.
 * </ol>
 * Unknown (null) while any input is not warmed up.
 */
public final class RegimeRule {
    public static final double VOLATILE_NATR_RATIO = 1.5;
    public static final double TRENDING_ADX = 25.0;
    public static final int NATR_AVERAGE_PERIOD = 50;

    private RegimeRule() {}

    public static Regime classify(double adx, double slopeDegrees, double natr, double natrAverage) {
        if (Double.isNaN(adx) || Double.isNaN(slopeDegrees) || Double.isNaN(natr) || Double.isNaN(natrAverage)) {
            return null;
        }
        if (natr >= VOLATILE_NATR_RATIO * natrAverage && natrAverage > 0) {
            return Regime.VOLATILE;
        }
        if (adx >= TRENDING_ADX && slopeDegrees > 0) {
            return Regime.TRENDING_UP;
        }
        if (adx >= TRENDING_ADX && slopeDegrees < 0) {
            return Regime.TRENDING_DOWN;
        }
        return Regime.RANGING;
    }
}
