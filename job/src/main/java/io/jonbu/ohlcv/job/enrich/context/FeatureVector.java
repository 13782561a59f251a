package io.jonbu.ohlcv.job.enrich.context;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;

/**
 * Computes the {@link FeatureSchema} vector of each candle of a series, with its normalization
 * rules. The unbounded features each keep their last {@link FeatureSchema#ROLLING_WINDOW} values
 * in one flat ring of primitives, a Flink POJO. Their min and max are a scan of that window, O(100)
 * per feature and candle: cheaper in state (which RocksDB rewrites whole on each update) than a
 * pair of monotonic deques, which would triple it, and still a few microseconds.
 */
public class FeatureVector {
    private static final FeatureSchema[] FEATURES = FeatureSchema.values();
    /** Each rolling feature's slot in the ring, -1 for a bounded one. */
    private static final int[] SLOT = new int[FeatureSchema.COUNT];
    private static final int ROLLING_COUNT;

    static {
        int slots = 0;
        for (FeatureSchema f : FEATURES) {
            SLOT[f.ordinal()] = f.isRolling() ? slots++ : -1;
        }
        ROLLING_COUNT = slots;
    }

    public int window;
    /** Slot {@code s} holds its window in {@code [s * window, (s + 1) * window)}. */
    public double[] ring;
    public int[] count;
    public int[] next;

    /** For Flink's serializer only. */
    public FeatureVector() {}

    public FeatureVector(int window) {
        this.window = window;
        ring = new double[ROLLING_COUNT * window];
        count = new int[ROLLING_COUNT];
        next = new int[ROLLING_COUNT];
    }

    /**
     * Writes each feature, normalized, to {@code out[feature.ordinal()]}; {@code out} has
     * {@link FeatureSchema#COUNT} slots.
     *
     * @param indicators    this candle's values by {@link IndicatorKey}
     * @param slopeDegrees  the trend angle of the market context
     * @param previousClose the close before this candle, NaN for the first
     */
    public void update(Candle c, double[] indicators, double slopeDegrees, double previousClose, double[] out) {
        for (FeatureSchema f : FEATURES) {
            double raw = raw(f, c, indicators, slopeDegrees, previousClose);
            int slot = SLOT[f.ordinal()];
            out[f.ordinal()] = slot < 0 ? f.scaleFixed(raw) : scaleRolling(slot, raw);
        }
    }

    static double raw(FeatureSchema f, Candle c, double[] in, double slopeDegrees, double previousClose) {
        double close = c.close();
        return switch (f) {
            case RSI_14 -> in[IndicatorKey.RSI_14.ordinal()];
            case STOCH_K -> in[IndicatorKey.STOCH_K.ordinal()];
            case STOCH_D -> in[IndicatorKey.STOCH_D.ordinal()];
            case WILLR_14 -> in[IndicatorKey.WILLR_14.ordinal()];
            case MFI_14 -> in[IndicatorKey.MFI_14.ordinal()];
            case ADX_14 -> in[IndicatorKey.ADX_14.ordinal()];
            case PLUS_DI_14 -> in[IndicatorKey.PLUS_DI_14.ordinal()];
            case MINUS_DI_14 -> in[IndicatorKey.MINUS_DI_14.ordinal()];
            case TREND_SLOPE_DEG -> slopeDegrees;
            case RETURN_1 -> close / previousClose - 1;
            case ROC_10 -> in[IndicatorKey.ROC_10.ordinal()];
            case CCI_20 -> in[IndicatorKey.CCI_20.ordinal()];
            case MACD_HIST_PCT -> in[IndicatorKey.MACD_HIST.ordinal()] / close;
            case NATR_14 -> in[IndicatorKey.NATR_14.ordinal()];
            case VOLUME_RATIO -> c.volume() / in[IndicatorKey.VOLUME_SMA_20.ordinal()];
            case BB_POSITION -> (close - in[IndicatorKey.BB_LOWER.ordinal()])
                    / (in[IndicatorKey.BB_UPPER.ordinal()] - in[IndicatorKey.BB_LOWER.ordinal()]);
            case SMA_20_DISTANCE -> close / in[IndicatorKey.SMA_20.ordinal()] - 1;
            case SMA_50_DISTANCE -> close / in[IndicatorKey.SMA_50.ordinal()] - 1;
        };
    }

    /** Adds a finite value to the slot's window, then scales it by the window's min and max. */
    double scaleRolling(int slot, double x) {
        if (!Double.isFinite(x)) {
            // not warmed up, or a ratio over a zero (flat bands, no volume yet): not a value to learn from
            return Double.NaN;
        }
        int base = slot * window;
        ring[base + next[slot]] = x;
        next[slot] = (next[slot] + 1) % window;
        if (count[slot] < window) {
            count[slot]++;
            if (count[slot] < window) {
                return Double.NaN;
            }
        }
        double min = x;
        double max = x;
        for (int i = base; i < base + window; i++) {
            min = Math.min(min, ring[i]);
            max = Math.max(max, ring[i]);
        }
        return max == min ? 0.5 : (x - min) / (max - min);
    }
}
