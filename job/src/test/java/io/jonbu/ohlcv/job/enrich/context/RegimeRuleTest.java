package io.jonbu.ohlcv.job.enrich.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.enriched.Regime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegimeRuleTest {
    @ParameterizedTest(name = "adx {0}, slope {1}, natr {2} over {3}: {4}")
    @CsvSource(nullValues = "null", value = {
            "40, 10, 1.5, 1.0, VOLATILE",
            "10, 0, 3.0, 2.0, VOLATILE",
            "40, 10, 1.49, 1.0, TRENDING_UP",
            "25, 0.1, 1.0, 1.0, TRENDING_UP",
            "25, -0.1, 1.0, 1.0, TRENDING_DOWN",
            "24.9, 30, 1.0, 1.0, RANGING",
            "40, 0, 1.0, 1.0, RANGING",
            "40, 10, 0, 0, TRENDING_UP",
            "NaN, 10, 1.0, 1.0, null",
            "40, NaN, 1.0, 1.0, null",
            "40, 10, NaN, 1.0, null",
            "40, 10, 1.0, NaN, null"})
    void volatilityFirstThenAdxWithTheSlopeSignElseRanging(double adx, double slope, double natr, double natrAverage, Regime expected) {
        assertThat(RegimeRule.classify(adx, slope, natr, natrAverage)).isEqualTo(expected);
    }
}
