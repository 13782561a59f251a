package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's CDLEVENINGSTAR: long white, short star gapping up, black closing into the white body by
 * the penetration (default 0.3); -100.
 */
public class EveningStar extends Star {
    public EveningStar() {
        this(DEFAULT_PENETRATION);
    }

    public EveningStar(double penetration) {
        super(penetration);
    }

    @Override
    protected int direction() {
        return -1;
    }
}
