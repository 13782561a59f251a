package io.jonbu.ohlcv.model.enriched;

/**
 * The indicator outputs of an enriched candle, in their published order, with their JSON names: part
 * of the published schema, so the job, the API and exports agree. Values travel as a
 * {@code double[COUNT]} indexed by {@code ordinal()}, NaN before an indicator's warm-up.
 */
public enum IndicatorKey {
    SMA_20("sma_20"),
    SMA_50("sma_50"),
    SMA_200("sma_200"),
    EMA_12("ema_12"),
    EMA_26("ema_26"),
    WMA_20("wma_20"),
    DEMA_20("dema_20"),
    TEMA_20("tema_20"),
    MACD("macd"),
    MACD_SIGNAL("macd_signal"),
    MACD_HIST("macd_hist"),
    RSI_14("rsi_14"),
    STOCH_K("stoch_k"),
    STOCH_D("stoch_d"),
    WILLR_14("willr_14"),
    CCI_20("cci_20"),
    ROC_10("roc_10"),
    MOM_10("mom_10"),
    BB_UPPER("bb_upper"),
    BB_MIDDLE("bb_middle"),
    BB_LOWER("bb_lower"),
    ATR_14("atr_14"),
    NATR_14("natr_14"),
    ADX_14("adx_14"),
    PLUS_DI_14("plus_di_14"),
    MINUS_DI_14("minus_di_14"),
    OBV("obv"),
    MFI_14("mfi_14"),
    VWAP("vwap"),
    VOLUME_SMA_20("volume_sma_20");

    public static final int COUNT = values().length;

    private final String jsonName;

    IndicatorKey(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The key with this JSON name, or null. */
    public static IndicatorKey byJsonName(String name) {
        for (IndicatorKey key : values()) {
            if (key.jsonName.equals(name)) {
                return key;
            }
        }
        return null;
    }
}
