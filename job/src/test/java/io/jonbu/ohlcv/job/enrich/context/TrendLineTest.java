package io.jonbu.ohlcv.job.enrich.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendLineTest {
    private static double feed(TrendLine line, double first, double step, int count) {
        double degrees = Double.NaN;
        for (int i = 0; i < count; i++) {
            degrees = line.update(first + step * i);
        }
        return degrees;
    }

    @Test
    void aRiseOfOnePercentOfTheMeanPerCandleIsFortyFiveDegrees() {
        // 90.5, 91.5, ..., 109.5: slope 1, mean 100
        assertThat(feed(new TrendLine(20), 90.5, 1, 20)).isCloseTo(45.0, within(1e-9));
        assertThat(feed(new TrendLine(20), 109.5, -1, 20)).isCloseTo(-45.0, within(1e-9));
        assertThat(feed(new TrendLine(20), 50, 0, 20)).isZero();
    }

    @Test
    void theAngleIsTheSameForAnyPriceLevelWithTheSameRelativeSlope() {
        // slope 10 around a mean of 10 000: 0.1% per candle
        double expected = Math.toDegrees(Math.atan(0.1));
        assertThat(feed(new TrendLine(20), 9905, 10, 20)).isCloseTo(expected, within(1e-9));
        assertThat(feed(new TrendLine(20), 9.905, 0.01, 20)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void onlyTheLastPeriodClosesCountOnceTheRingHasWrapped() {
        // 161 + 2i for i = 0..29: the last 20 have slope 2 and mean 200
        assertThat(feed(new TrendLine(20), 161, 2, 30)).isCloseTo(45.0, within(1e-9));
    }

    @Test
    void unknownUntilThePeriodIsFull() {
        assertThat(feed(new TrendLine(20), 100, 1, 19)).isNaN();
    }
}
