package io.jonbu.ohlcv.model.tape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TapePlanTest {

    @Test
    void tapesAAndBAreCtaAndTapeCIsUtp() {
        assertThat(TapePlan.ofTape("A")).isEqualTo(TapePlan.CTA);
        assertThat(TapePlan.ofTape("B")).isEqualTo(TapePlan.CTA);
        assertThat(TapePlan.ofTape("C")).isEqualTo(TapePlan.UTP);
    }

    @Test
    void aMissingOrUnrecognisedTapeHasNoPlan() {
        assertThat(TapePlan.ofTape(null)).isNull();
        assertThat(TapePlan.ofTape("")).isNull();
        assertThat(TapePlan.ofTape("a")).isNull();
        assertThat(TapePlan.ofTape("D")).isNull();
        assertThat(TapePlan.ofTape("AB")).isNull();
    }
}
