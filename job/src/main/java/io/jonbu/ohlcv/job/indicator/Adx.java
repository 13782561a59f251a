package io.jonbu.ohlcv.job.indicator;

/**
 * Average directional index with the directional indicators (TA-Lib ADX, PLUS_DI, MINUS_DI,
 * default 14), Wilder's smoothing throughout.
 *
 * <p>+DM and -DM (the larger of the up and down moves, the other counting 0) and the true range
 * are summed over the first {@code period - 1} changes, then smoothed as
 * {@code s = s - s / period + new}. {@code ±DI = 100 * ±DM / TR} (0 when TR is within TA-Lib's
 * 1e-8 of zero) are first given after {@code period + 1} inputs. {@code DX = 100 * |+DI - -DI| /
 * (+DI + -DI)}; ADX is seeded with the mean of the first {@code period} DX, after
 * {@code 2 * period} inputs, then {@code adx = (adx * (period - 1) + dx) / period}. As in TA-Lib, a
 * candle whose TR or DI sum is zero leaves the DX sum and the ADX unchanged.
 *
 * <p>TA-Lib's unstable periods for ADX/PLUS_DI/MINUS_DI are 0 by default, so these are its
 * first outputs too.
 */
public class Adx {
    public int period;
    /** Inputs seen. */
    public int count;
    public double previousHigh;
    public double previousLow;
    public double previousClose;
    public double plusDm;
    public double minusDm;
    public double trueRange;
    public double dxSum;
    public double adx = Double.NaN;
    public double plusDi = Double.NaN;
    public double minusDi = Double.NaN;

    /** For Flink's serializer only. */
    public Adx() {}

    public Adx(int period) {
        this.period = period;
    }

    public void update(double high, double low, double close) {
        double up = high - previousHigh;
        double down = previousLow - low;
        double tr = TrueRange.of(high, low, previousClose);
        previousHigh = high;
        previousLow = low;
        previousClose = close;
        if (count++ == 0) {
            return;
        }
        if (count <= period) {
            addMove(up, down);
            trueRange += tr;
            return;
        }
        minusDm -= minusDm / period;
        plusDm -= plusDm / period;
        addMove(up, down);
        trueRange = trueRange - (trueRange / period) + tr;
        double dx = Double.NaN;
        if (Numbers.isZero(trueRange)) {
            plusDi = 0.0;
            minusDi = 0.0;
        } else {
            plusDi = 100.0 * (plusDm / trueRange);
            minusDi = 100.0 * (minusDm / trueRange);
            double diSum = minusDi + plusDi;
            if (!Numbers.isZero(diSum)) {
                dx = 100.0 * (Math.abs(minusDi - plusDi) / diSum);
            }
        }
        if (count <= 2 * period) {
            if (!Double.isNaN(dx)) {
                dxSum += dx;
            }
            if (count == 2 * period) {
                adx = dxSum / period;
            }
        } else if (!Double.isNaN(dx)) {
            adx = ((adx * (period - 1)) + dx) / period;
        }
    }

    private void addMove(double up, double down) {
        if (down > 0 && up < down) {
            minusDm += down;
        } else if (up > 0 && up > down) {
            plusDm += up;
        }
    }
}
