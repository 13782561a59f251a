package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * The last few candles a pattern looks at, newest at {@code ago = 0}, and how many candles were
 * seen in all (which decides, as TA-Lib's lookback does, when a pattern may first report). The
 * derived parts are computed with TA-Lib's own expressions ({@code TA_REALBODY},
 * {@code TA_UPPERSHADOW}, ...) so that comparisons tie and break exactly as they do there. A Flink
 * POJO: the candles live in primitive arrays, shifted by one per candle, which is O(1) for the at
 * most four candles a pattern keeps.
 */
public class RecentCandles {
    public double[] open;
    public double[] high;
    public double[] low;
    public double[] close;
    public long seen;

    public RecentCandles() {}

    public RecentCandles(int depth) {
        open = new double[depth];
        high = new double[depth];
        low = new double[depth];
        close = new double[depth];
    }

    public void add(double o, double h, double l, double c) {
        int older = open.length - 1;
        System.arraycopy(open, 0, open, 1, older);
        System.arraycopy(high, 0, high, 1, older);
        System.arraycopy(low, 0, low, 1, older);
        System.arraycopy(close, 0, close, 1, older);
        open[0] = o;
        high[0] = h;
        low[0] = l;
        close[0] = c;
        seen++;
    }

    public double open(int ago) {
        return open[ago];
    }

    public double high(int ago) {
        return high[ago];
    }

    public double low(int ago) {
        return low[ago];
    }

    public double close(int ago) {
        return close[ago];
    }

    public double realBody(int ago) {
        return Math.abs(close[ago] - open[ago]);
    }

    /** The upper end of the real body. */
    public double bodyTop(int ago) {
        return close[ago] >= open[ago] ? close[ago] : open[ago];
    }

    /** The lower end of the real body. */
    public double bodyBottom(int ago) {
        return close[ago] >= open[ago] ? open[ago] : close[ago];
    }

    public double upperShadow(int ago) {
        return high[ago] - bodyTop(ago);
    }

    public double lowerShadow(int ago) {
        return bodyBottom(ago) - low[ago];
    }

    /** 1 for a white (close at or above open) candle, -1 for a black one, as TA-Lib counts them. */
    public int color(int ago) {
        return close[ago] >= open[ago] ? 1 : -1;
    }

    /** Whether the real body {@code ago} lies wholly above the one {@code before} (TA_REALBODYGAPUP). */
    public boolean bodyGapUp(int ago, int before) {
        return Math.min(open[ago], close[ago]) > Math.max(open[before], close[before]);
    }

    /** Whether the real body {@code ago} lies wholly below the one {@code before} (TA_REALBODYGAPDOWN). */
    public boolean bodyGapDown(int ago, int before) {
        return Math.max(open[ago], close[ago]) < Math.min(open[before], close[before]);
    }
}
