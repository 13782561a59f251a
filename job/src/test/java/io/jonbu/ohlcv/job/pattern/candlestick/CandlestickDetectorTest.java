package io.jonbu.ohlcv.job.pattern.candlestick;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CandlestickDetectorTest {
    private static final CandleSeries CENTS = CandleSeries.generate(20240308L, 8000);
    private static final CandleSeries UNROUNDED = CandleSeries.generateUnrounded(20240311L, 8000);

    @ParameterizedTest
    @EnumSource(CandlestickPattern.class)
    void signalsEqualTaLibOnEveryCandle(CandlestickPattern pattern) {
        long fired = assertEqualsTaLib(pattern, CENTS);
        assertThat(fired).as("%s fired often enough to prove something", pattern.taLibFunction()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(CandlestickPattern.class)
    void signalsEqualTaLibWhereOnlyItsExactRunningTotalsAgree(CandlestickPattern pattern) {
        long fired = assertEqualsTaLib(pattern, UNROUNDED);
        assertThat(fired).as("%s fired often enough to prove something", pattern.taLibFunction()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void starsWithAnotherPenetrationEqualTaLibWithIt() {
        double penetration = 0.7;
        long morning = assertEqualsTaLib(CandlestickPattern.MORNING_STAR, CENTS, new MorningStar(penetration),
                TaLibCandlestickOracle.signals(CandlestickPattern.MORNING_STAR, CENTS, penetration));
        long evening = assertEqualsTaLib(CandlestickPattern.EVENING_STAR, CENTS, new EveningStar(penetration),
                TaLibCandlestickOracle.signals(CandlestickPattern.EVENING_STAR, CENTS, penetration));
        long morningByDefault = Arrays.stream(TaLibCandlestickOracle.signals(CandlestickPattern.MORNING_STAR, CENTS)
                .perCandle()).filter(signal -> signal != 0).count();
        assertThat(morning).as("morning stars").isPositive().isLessThan(morningByDefault);
        assertThat(evening).as("evening stars").isPositive();
    }

    private static long assertEqualsTaLib(CandlestickPattern pattern, CandleSeries series) {
        return assertEqualsTaLib(pattern, series, TaLibCandlestickOracle.detector(pattern),
                TaLibCandlestickOracle.signals(pattern, series));
    }

    /** Feeds the series candle by candle and compares with TA-Lib; returns how often TA-Lib fired. */
    private static long assertEqualsTaLib(CandlestickPattern pattern, CandleSeries series,
            CandlestickDetector detector, TaLibCandlestickOracle.Signals expected) {
        int[] actual = new int[series.size()];
        for (int i = 0; i < series.size(); i++) {
            actual[i] = detector.update(series.open()[i], series.high()[i], series.low()[i], series.close()[i]);
        }

        assertThat(detector.lookback()).as("lookback").isEqualTo(expected.begin());
        assertThat(Arrays.copyOf(actual, expected.begin())).as("signals before TA-Lib's first output").containsOnly(0);
        for (int i = expected.begin(); i < series.size(); i++) {
            assertThat(actual[i]).as("%s at candle %d", pattern.taLibFunction(), i).isEqualTo(expected.perCandle()[i]);
        }
        return Arrays.stream(expected.perCandle()).filter(signal -> signal != 0).count();
    }
}
