package io.jonbu.ohlcv.job.enrich.context;

/**
 * Dynamic support and resistance from pivot points. A candle is a pivot high when its high is
 * above the highs of the {@code lookback} candles before it and not below those of the
 * {@code lookback} after it (so a flat top counts once, at its first candle); a pivot low mirrors
 * that. A pivot is therefore confirmed {@code lookback} candles late. The last {@code memory}
 * pivots of each kind are kept; resistance is the most recent pivot high above the close, support
 * the most recent pivot low below it, NaN when there is none.
 *
 * <p>O(lookback + memory) per candle over two small rings of primitives: a Flink POJO.
 */
public class Pivots {
    public int lookback;
    /** The highs and lows of the last {@code 2 * lookback + 1} candles, a ring. */
    public double[] highs;
    public double[] lows;
    public int count;
    public int next;
    /** The most recent pivot highs and lows, rings of {@code memory}. */
    public double[] pivotHighs;
    public double[] pivotLows;
    public int pivotHighCount;
    public int pivotLowCount;
    public double support = Double.NaN;
    public double resistance = Double.NaN;

    /** For Flink's serializer only. */
    public Pivots() {}

    public Pivots(int lookback, int memory) {
        this.lookback = lookback;
        highs = new double[2 * lookback + 1];
        lows = new double[2 * lookback + 1];
        pivotHighs = new double[memory];
        pivotLows = new double[memory];
    }

    public void update(double high, double low, double close) {
        int n = highs.length;
        highs[next] = high;
        lows[next] = low;
        next = (next + 1) % n;
        if (count < n) {
            count++;
        }
        if (count == n) {
            // once full, next is the oldest slot and the candidate is lookback slots after it
            int middle = (next + lookback) % n;
            if (isPivot(highs, middle, 1)) {
                remember(pivotHighs, pivotHighCount++, highs[middle]);
            }
            if (isPivot(lows, middle, -1)) {
                remember(pivotLows, pivotLowCount++, lows[middle]);
            }
        }
        resistance = mostRecent(pivotHighs, pivotHighCount, close, 1);
        support = mostRecent(pivotLows, pivotLowCount, close, -1);
    }

    /** With {@code sign} 1 a pivot high, with -1 a pivot low. */
    private boolean isPivot(double[] ring, int middle, int sign) {
        int n = ring.length;
        double m = sign * ring[middle];
        for (int j = 1; j <= lookback; j++) {
            if (sign * ring[(middle - j + n) % n] >= m || sign * ring[(middle + j) % n] > m) {
                return false;
            }
        }
        return true;
    }

    private static void remember(double[] pivots, int index, double level) {
        pivots[index % pivots.length] = level;
    }

    /** The newest level on the {@code sign} side of the close (1 above, -1 below), or NaN. */
    private static double mostRecent(double[] pivots, int seen, double close, int sign) {
        int held = Math.min(seen, pivots.length);
        for (int k = 1; k <= held; k++) {
            double level = pivots[(seen - k) % pivots.length];
            if (sign * (level - close) > 0) {
                return level;
            }
        }
        return Double.NaN;
    }
}
