package io.jonbu.ohlcv.job.pattern.candlestick;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.CandleSettingType;
import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.RangeType;
import java.lang.reflect.Field;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandleSettingAverageTest {

    @Test
    void totalIsTaLibsTrailingSumBitForBit() {
        // As in a three-candle pattern with lookback 12 judging each candle against the averages
        // before it. Candle sizes span seven orders of magnitude so that sums round, and do so
        // differently in another order. The reference below is TA-Lib's loop: sum from the
        // trailing index up to the judged candle, then slide with "total += newest - oldest".
        int lookback = 12;
        Random random = new Random(7);
        int size = 500;
        double[][] candles = new double[size][];
        for (int i = 0; i < size; i++) {
            double open = 100 * Math.pow(10, 2 * random.nextDouble());
            double close = open + random.nextGaussian() * Math.pow(10, -3 + 6 * random.nextDouble());
            double high = Math.max(open, close) + random.nextDouble() * Math.pow(10, -3 + 6 * random.nextDouble());
            double low = Math.min(open, close) - random.nextDouble() * Math.pow(10, -3 + 6 * random.nextDouble());
            candles[i] = new double[] {open, high, low, close};
        }
        for (int lag = 0; lag <= 2; lag++) {
            for (CandleSetting setting : new CandleSetting[] {CandleSetting.BODY_SHORT, CandleSetting.NEAR, CandleSetting.SHADOW_SHORT}) {
                double[] range = new double[size];
                for (int i = 0; i < size; i++) {
                    double[] c = candles[i];
                    double top = Math.max(c[0], c[3]);
                    double bottom = Math.min(c[0], c[3]);
                    range[i] = switch (setting.range) {
                        case REAL_BODY -> Math.abs(c[3] - c[0]);
                        case HIGH_LOW -> c[1] - c[2];
                        case SHADOWS -> (c[1] - top) + (bottom - c[2]);
                    };
                }
                int trailing = lookback - lag - setting.period;
                double expected = 0;
                for (int j = trailing; j < lookback - lag; j++) {
                    expected += range[j];
                }

                CandleSettingAverage average = new CandleSettingAverage(setting, lag, lookback);
                RecentCandles recent = new RecentCandles(3);
                for (int i = 0; i < size; i++) {
                    recent.add(candles[i][0], candles[i][1], candles[i][2], candles[i][3]);
                    if (i >= lookback) {
                        assertThat(average.total).as("%s lag %d at candle %d", setting, lag, i).isEqualTo(expected);
                        expected += range[i - lag] - range[trailing];
                        trailing++;
                    }
                    average.advance(recent);
                }
            }
        }
    }

    @Test
    void zeroPeriodSettingJudgesTheCandleByItsOwnRange() {
        RecentCandles candles = new RecentCandles(2);
        candles.add(10, 13, 9, 11);
        candles.add(11, 12, 8, 10.5);
        assertThat(new CandleSettingAverage(CandleSetting.SHADOW_LONG, 0, 11).average(candles)).isEqualTo(0.5);
        assertThat(new CandleSettingAverage(CandleSetting.SHADOW_VERY_LONG, 1, 11).average(candles)).isEqualTo(2.0);
    }

    @Test
    void settingsTableIsTheDefaultOfTaLibsJavaCore() throws ReflectiveOperationException {
        Field settingsField = Core.class.getDeclaredField("candleSettings");
        settingsField.setAccessible(true);
        Object[] defaults = (Object[]) settingsField.get(new Core());
        for (CandleSetting ours : CandleSetting.values()) {
            CandleSettingType type = CandleSettingType.values()[ours.ordinal()];
            Object theirs = defaults[type.ordinal()];
            assertThat(type.name().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()).isEqualTo(ours.name());
            assertThat(field(theirs, "rangeType")).as(ours.name()).isEqualTo(switch (ours.range) {
                case REAL_BODY -> RangeType.RealBody;
                case HIGH_LOW -> RangeType.HighLow;
                case SHADOWS -> RangeType.Shadows;
            });
            assertThat(field(theirs, "avgPeriod")).as(ours.name()).isEqualTo(ours.period);
            assertThat(field(theirs, "factor")).as(ours.name()).isEqualTo(ours.factor);
        }
        assertThat(CandleSetting.values()).hasSize(CandleSettingType.AllCandleSettings.ordinal());
    }

    private static Object field(Object setting, String name) throws ReflectiveOperationException {
        Field f = setting.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(setting);
    }
}
