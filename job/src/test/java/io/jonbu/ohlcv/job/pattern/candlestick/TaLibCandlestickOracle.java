package io.jonbu.ohlcv.job.pattern.candlestick;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

/**
 * TA-Lib for Java, called the batch way over a whole series, as the oracle for the streaming
 * detectors; also the factory of the detector under test for each pattern.
 */
final class TaLibCandlestickOracle {
    private TaLibCandlestickOracle() {}

    /** TA-Lib's output index by index over the whole series from 0, and where its output begins. */
    record Signals(int begin, int[] perCandle) {}

    static Signals signals(CandlestickPattern pattern, CandleSeries s) {
        return signals(pattern, s, Star.DEFAULT_PENETRATION);
    }

    /** As {@link #signals(CandlestickPattern, CandleSeries)}, with the stars' penetration given. */
    static Signals signals(CandlestickPattern pattern, CandleSeries s, double penetration) {
        Core core = new Core();
        int end = s.size() - 1;
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        int[] out = new int[s.size()];
        double[] o = s.open();
        double[] h = s.high();
        double[] l = s.low();
        double[] c = s.close();
        RetCode rc = switch (pattern) {
            case DOJI -> core.cdlDoji(0, end, o, h, l, c, begin, count, out);
            case DRAGONFLY_DOJI -> core.cdlDragonflyDoji(0, end, o, h, l, c, begin, count, out);
            case GRAVESTONE_DOJI -> core.cdlGravestoneDoji(0, end, o, h, l, c, begin, count, out);
            case HAMMER -> core.cdlHammer(0, end, o, h, l, c, begin, count, out);
            case HANGING_MAN -> core.cdlHangingMan(0, end, o, h, l, c, begin, count, out);
            case INVERTED_HAMMER -> core.cdlInvertedHammer(0, end, o, h, l, c, begin, count, out);
            case SHOOTING_STAR -> core.cdlShootingStar(0, end, o, h, l, c, begin, count, out);
            case ENGULFING -> core.cdlEngulfing(0, end, o, h, l, c, begin, count, out);
            case HARAMI -> core.cdlHarami(0, end, o, h, l, c, begin, count, out);
            case MORNING_STAR -> core.cdlMorningStar(0, end, o, h, l, c, penetration, begin, count, out);
            case EVENING_STAR -> core.cdlEveningStar(0, end, o, h, l, c, penetration, begin, count, out);
            case THREE_WHITE_SOLDIERS -> core.cdl3WhiteSoldiers(0, end, o, h, l, c, begin, count, out);
            case THREE_BLACK_CROWS -> core.cdl3BlackCrows(0, end, o, h, l, c, begin, count, out);
        };
        assertThat(rc).isEqualTo(RetCode.Success);
        assertThat(begin.value + count.value).isEqualTo(s.size());
        int[] perCandle = new int[s.size()];
        System.arraycopy(out, 0, perCandle, begin.value, count.value);
        return new Signals(begin.value, perCandle);
    }

    static CandlestickDetector detector(CandlestickPattern pattern) {
        return switch (pattern) {
            case DOJI -> new Doji();
            case DRAGONFLY_DOJI -> new DragonflyDoji();
            case GRAVESTONE_DOJI -> new GravestoneDoji();
            case HAMMER -> new Hammer();
            case HANGING_MAN -> new HangingMan();
            case INVERTED_HAMMER -> new InvertedHammer();
            case SHOOTING_STAR -> new ShootingStar();
            case ENGULFING -> new Engulfing();
            case HARAMI -> new Harami();
            case MORNING_STAR -> new MorningStar();
            case EVENING_STAR -> new EveningStar();
            case THREE_WHITE_SOLDIERS -> new ThreeWhiteSoldiers();
            case THREE_BLACK_CROWS -> new ThreeBlackCrows();
        };
    }
}
