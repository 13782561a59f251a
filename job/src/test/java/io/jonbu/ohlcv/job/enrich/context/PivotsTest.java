package io.jonbu.ohlcv.job.enrich.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PivotsTest {
    /** Each candle's low is its high - 2 and its close its high - 1. */
    private static void feed(Pivots pivots, double high) {
        pivots.update(high, high - 2, high - 1);
    }

    @Test
    void pivotsAreConfirmedLookbackCandlesLateAndTheNearestOnEachSideOfTheCloseWin() {
        Pivots pivots = new Pivots(2, 3);
        double[] highs = {10, 11, 15, 12, 11, 13, 14, 20, 13, 12};
        for (int i = 0; i < 4; i++) {
            feed(pivots, highs[i]);
        }
        assertThat(pivots.resistance).as("the 15 high is not confirmed yet").isNaN();

        feed(pivots, highs[4]);
        assertThat(pivots.resistance).as("15 confirmed by two lower highs each side").isEqualTo(15);
        assertThat(pivots.support).isNaN();

        feed(pivots, highs[5]);
        feed(pivots, highs[6]);
        assertThat(pivots.support).as("the low of 9 at candle 4, confirmed at candle 6").isEqualTo(9);
        assertThat(pivots.resistance).isEqualTo(15);

        feed(pivots, highs[7]);
        feed(pivots, highs[8]);
        feed(pivots, highs[9]);
        assertThat(pivots.resistance).as("the most recent pivot high, 20, over the older 15").isEqualTo(20);
        assertThat(pivots.support).isEqualTo(9);

        feed(pivots, 25);
        assertThat(pivots.resistance).as("a close of 24 is above every pivot high").isNaN();
        assertThat(pivots.support).isEqualTo(9);
    }

    @Test
    void resistanceFallsBackToAnOlderPivotWhenTheCloseIsAboveTheNewest() {
        Pivots pivots = new Pivots(1, 4);
        for (double high : new double[] {10, 30, 10, 20, 10}) {
            feed(pivots, high);
        }
        assertThat(pivots.resistance).isEqualTo(20);
        pivots.update(22, 20, 21);
        assertThat(pivots.resistance).as("21 is above the newest pivot high 20, not the older 30").isEqualTo(30);
    }

    @Test
    void aFlatTopIsOnePivotAtItsFirstCandle() {
        Pivots pivots = new Pivots(1, 4);
        for (double high : new double[] {1, 5, 5, 1, 1}) {
            feed(pivots, high);
        }
        assertThat(pivots.pivotHighCount).isEqualTo(1);
    }

    @Test
    void onlyTheLastMemoryPivotsAreKept() {
        Pivots pivots = new Pivots(1, 2);
        // pivot highs 40, 30, 20 in that order; with a memory of 2 the 40 is forgotten
        for (double high : new double[] {1, 40, 1, 30, 1, 20, 1}) {
            feed(pivots, high);
        }
        pivots.update(35, 33, 34);
        assertThat(pivots.resistance).isNaN();
    }
}
