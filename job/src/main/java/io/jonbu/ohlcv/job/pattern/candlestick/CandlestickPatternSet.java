package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.DOJI;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.DRAGONFLY_DOJI;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.ENGULFING;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.EVENING_STAR;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.GRAVESTONE_DOJI;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.HAMMER;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.HANGING_MAN;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.HARAMI;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.INVERTED_HAMMER;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.MORNING_STAR;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.SHOOTING_STAR;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.THREE_BLACK_CROWS;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandlestickPattern.THREE_WHITE_SOLDIERS;

import io.jonbu.ohlcv.model.Candle;

/**
 * Every {@link CandlestickPattern} of one candle series, updated together: after
 * {@link #update}, {@code out[pattern.ordinal()]} holds that pattern's TA-Lib-equal signal for the
 * newest candle (+100, -100 or 0). A Flink POJO, meant as the keyed state of one symbol and
 * timeframe; {@code out} is overwritten by each update, so copy it if it must outlive the next.
 */
public class CandlestickPatternSet {
    public Doji doji = new Doji();
    public DragonflyDoji dragonflyDoji = new DragonflyDoji();
    public GravestoneDoji gravestoneDoji = new GravestoneDoji();
    public Hammer hammer = new Hammer();
    public HangingMan hangingMan = new HangingMan();
    public InvertedHammer invertedHammer = new InvertedHammer();
    public ShootingStar shootingStar = new ShootingStar();
    public Engulfing engulfing = new Engulfing();
    public Harami harami = new Harami();
    public MorningStar morningStar = new MorningStar();
    public EveningStar eveningStar = new EveningStar();
    public ThreeWhiteSoldiers threeWhiteSoldiers = new ThreeWhiteSoldiers();
    public ThreeBlackCrows threeBlackCrows = new ThreeBlackCrows();
    public int[] out = new int[CandlestickPattern.values().length];

    public CandlestickPatternSet() {}

    public void update(Candle candle) {
        update(candle.open(), candle.high(), candle.low(), candle.close());
    }

    public void update(double open, double high, double low, double close) {
        out[DOJI.ordinal()] = doji.update(open, high, low, close);
        out[DRAGONFLY_DOJI.ordinal()] = dragonflyDoji.update(open, high, low, close);
        out[GRAVESTONE_DOJI.ordinal()] = gravestoneDoji.update(open, high, low, close);
        out[HAMMER.ordinal()] = hammer.update(open, high, low, close);
        out[HANGING_MAN.ordinal()] = hangingMan.update(open, high, low, close);
        out[INVERTED_HAMMER.ordinal()] = invertedHammer.update(open, high, low, close);
        out[SHOOTING_STAR.ordinal()] = shootingStar.update(open, high, low, close);
        out[ENGULFING.ordinal()] = engulfing.update(open, high, low, close);
        out[HARAMI.ordinal()] = harami.update(open, high, low, close);
        out[MORNING_STAR.ordinal()] = morningStar.update(open, high, low, close);
        out[EVENING_STAR.ordinal()] = eveningStar.update(open, high, low, close);
        out[THREE_WHITE_SOLDIERS.ordinal()] = threeWhiteSoldiers.update(open, high, low, close);
        out[THREE_BLACK_CROWS.ordinal()] = threeBlackCrows.update(open, high, low, close);
    }

    /** The names of the patterns the last update fired, in {@link CandlestickPattern} order. */
    public String[] firedNames() {
        int fired = 0;
        for (int signal : out) {
            if (signal != 0) {
                fired++;
            }
        }
        String[] names = new String[fired];
        int i = 0;
        for (CandlestickPattern pattern : CandlestickPattern.values()) {
            int signal = out[pattern.ordinal()];
            if (signal != 0) {
                names[i++] = pattern.nameOf(signal);
            }
        }
        return names;
    }
}
