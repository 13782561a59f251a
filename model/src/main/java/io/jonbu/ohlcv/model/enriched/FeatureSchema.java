package io.jonbu.ohlcv.model.enriched;

/**
 * The named features of an enriched candle's feature vector, in their published order, each
 * normalized to 0..1: part of the published schema, so exports of one {@link #VERSION} stay
 * comparable. Values travel as a {@code double[COUNT]} indexed by {@code ordinal()}; NaN (JSON
 * null) while an input is not warmed up.
 *
 * <p>Two normalization rules. A bounded input is mapped from its fixed range {@code [low, high]}
 * to 0..1 ({@code (x - low) / (high - low)}; RSI is {@code rsi / 100}, Williams %R is
 * {@code (willr + 100) / 100}). An unbounded input is min-max scaled over its own last
 * {@link #ROLLING_WINDOW} values in the series, the current one included
 * ({@code (x - min) / (max - min)}, 0.5 when they are all equal), and is NaN until that many values
 * have been seen.
 *
 * <p>Any change to the names, order, ranges or window is a new version.
 */
public enum FeatureSchema {
    /** RSI(14) / 100. */
    RSI_14("rsi_14", 0, 100),
    /** Stochastic %K / 100. */
    STOCH_K("stoch_k", 0, 100),
    /** Stochastic %D / 100. */
    STOCH_D("stoch_d", 0, 100),
    /** (Williams %R(14) + 100) / 100. */
    WILLR_14("willr_14", -100, 0),
    /** MFI(14) / 100. */
    MFI_14("mfi_14", 0, 100),
    /** ADX(14) / 100. */
    ADX_14("adx_14", 0, 100),
    /** +DI(14) / 100. */
    PLUS_DI_14("plus_di_14", 0, 100),
    /** -DI(14) / 100. */
    MINUS_DI_14("minus_di_14", 0, 100),
    /** The trend angle of {@link MarketContext#trendSlopeDeg()}, (deg + 90) / 180. */
    TREND_SLOPE_DEG("trend_slope_deg", -90, 90),
    /** close / previous close - 1, rolling min-max. */
    RETURN_1("return_1"),
    /** ROC(10), rolling min-max. */
    ROC_10("roc_10"),
    /** CCI(20), rolling min-max. */
    CCI_20("cci_20"),
    /** MACD histogram / close, rolling min-max. */
    MACD_HIST_PCT("macd_hist_pct"),
    /** NATR(14) (ATR as a percentage of the close), rolling min-max. */
    NATR_14("natr_14"),
    /** volume / SMA(20) of volume, rolling min-max. */
    VOLUME_RATIO("volume_ratio"),
    /** (close - lower band) / (upper band - lower band), Bollinger %B, rolling min-max. */
    BB_POSITION("bb_position"),
    /** close / SMA(20) - 1, rolling min-max. */
    SMA_20_DISTANCE("sma_20_distance"),
    /** close / SMA(50) - 1, rolling min-max. */
    SMA_50_DISTANCE("sma_50_distance");

    public static final int VERSION = 1;
    public static final int COUNT = values().length;
    /** Candles over which an unbounded feature is min-max scaled. */
    public static final int ROLLING_WINDOW = 100;

    /**
     * The value given to a missing feature in the embedding vector: the middle of the 0..1 range,
     * so an unknown input pulls no direction in a distance or dot product more than any other.
     */
    public static final float NEUTRAL = 0.5f;

    private final String jsonName;
    private final double low;
    private final double high;

    FeatureSchema(String jsonName, double low, double high) {
        this.jsonName = jsonName;
        this.low = low;
        this.high = high;
    }

    /** An unbounded feature, scaled over the rolling window. */
    FeatureSchema(String jsonName) {
        this(jsonName, Double.NaN, Double.NaN);
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean isRolling() {
        return Double.isNaN(low);
    }

    /** A bounded feature's raw value mapped to 0..1, clamped; only for features that are not rolling. */
    public double scaleFixed(double x) {
        return Math.min(1.0, Math.max(0.0, (x - low) / (high - low)));
    }

    /** The feature with this JSON name, or null. */
    public static FeatureSchema byJsonName(String name) {
        for (FeatureSchema f : values()) {
            if (f.jsonName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The feature values as floats, NaN replaced by {@link #NEUTRAL}: the embedding vector. */
    public static float[] embedding(double[] features) {
        float[] out = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = Double.isNaN(features[i]) ? NEUTRAL : (float) features[i];
        }
        return out;
    }
}
