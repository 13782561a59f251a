package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's CDLMORNINGSTAR: long black, short star gapping down, white closing into the black body
 * by the penetration (default 0.3); 100.
 */
public class MorningStar extends Star {
    public MorningStar() {
        this(DEFAULT_PENETRATION);
    }

    public MorningStar(double penetration) {
        super(penetration);
    }

    @Override
    protected int direction() {
        return 1;
    }
}
