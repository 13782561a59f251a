package io.jonbu.ohlcv.job.indicator;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;

/**
 * Every indicator of a symbol and timeframe, one instance each, with the fixed parameters:
 * the keyed state of the indicator operator. A Flink POJO built of Flink POJOs, so it is
 * serialized field by field without Kryo.
 */
public class IndicatorSet {
    public Sma sma20 = new Sma(20);
    public Sma sma50 = new Sma(50);
    public Sma sma200 = new Sma(200);
    public Ema ema12 = new Ema(12);
    public Ema ema26 = new Ema(26);
    public Wma wma20 = new Wma(20);
    public Dema dema20 = new Dema(20);
    public Tema tema20 = new Tema(20);
    public Macd macd = new Macd(12, 26, 9);
    public Rsi rsi14 = new Rsi(14);
    public Stochastic stochastic = new Stochastic(5, 3, 3);
    public WilliamsR willr14 = new WilliamsR(14);
    public Cci cci20 = new Cci(20);
    public Roc roc10 = new Roc(10);
    public Momentum mom10 = new Momentum(10);
    public BollingerBands bollinger = new BollingerBands(20, 2.0);
    /** Also the ATR(14) output, through {@code natr14.atr}. */
    public Natr natr14 = new Natr(14);
    public Adx adx14 = new Adx(14);
    public Obv obv = new Obv();
    public Mfi mfi14 = new Mfi(14);
    public SessionVwap vwap = new SessionVwap();
    public Sma volumeSma20 = new Sma(20);

    /**
     * Feeds {@code c} to every indicator and writes each key's current value, NaN before its
     * warm-up, to {@code out[key.ordinal()]}; {@code out} has {@link IndicatorKey#COUNT} slots.
     */
    public void update(Candle c, double[] out) {
        double high = c.high();
        double low = c.low();
        double close = c.close();
        double volume = c.volume();
        out[IndicatorKey.SMA_20.ordinal()] = sma20.update(close);
        out[IndicatorKey.SMA_50.ordinal()] = sma50.update(close);
        out[IndicatorKey.SMA_200.ordinal()] = sma200.update(close);
        out[IndicatorKey.EMA_12.ordinal()] = ema12.update(close);
        out[IndicatorKey.EMA_26.ordinal()] = ema26.update(close);
        out[IndicatorKey.WMA_20.ordinal()] = wma20.update(close);
        out[IndicatorKey.DEMA_20.ordinal()] = dema20.update(close);
        out[IndicatorKey.TEMA_20.ordinal()] = tema20.update(close);
        macd.update(close);
        out[IndicatorKey.MACD.ordinal()] = macd.macd;
        out[IndicatorKey.MACD_SIGNAL.ordinal()] = macd.signal;
        out[IndicatorKey.MACD_HIST.ordinal()] = macd.hist;
        out[IndicatorKey.RSI_14.ordinal()] = rsi14.update(close);
        stochastic.update(high, low, close);
        out[IndicatorKey.STOCH_K.ordinal()] = stochastic.k;
        out[IndicatorKey.STOCH_D.ordinal()] = stochastic.d;
        out[IndicatorKey.WILLR_14.ordinal()] = willr14.update(high, low, close);
        out[IndicatorKey.CCI_20.ordinal()] = cci20.update(high, low, close);
        out[IndicatorKey.ROC_10.ordinal()] = roc10.update(close);
        out[IndicatorKey.MOM_10.ordinal()] = mom10.update(close);
        bollinger.update(close);
        out[IndicatorKey.BB_UPPER.ordinal()] = bollinger.upper;
        out[IndicatorKey.BB_MIDDLE.ordinal()] = bollinger.middle;
        out[IndicatorKey.BB_LOWER.ordinal()] = bollinger.lower;
        out[IndicatorKey.NATR_14.ordinal()] = natr14.update(high, low, close);
        out[IndicatorKey.ATR_14.ordinal()] = natr14.atr.value;
        adx14.update(high, low, close);
        out[IndicatorKey.ADX_14.ordinal()] = adx14.adx;
        out[IndicatorKey.PLUS_DI_14.ordinal()] = adx14.plusDi;
        out[IndicatorKey.MINUS_DI_14.ordinal()] = adx14.minusDi;
        out[IndicatorKey.OBV.ordinal()] = obv.update(close, volume);
        out[IndicatorKey.MFI_14.ordinal()] = mfi14.update(high, low, close, volume);
        out[IndicatorKey.VWAP.ordinal()] = vwap.update(c);
        out[IndicatorKey.VOLUME_SMA_20.ordinal()] = volumeSma20.update(volume);
    }
}
