package io.jonbu.ohlcv.job.pattern.chart;

import java.util.List;

/** Up or down the price axis: every chart pattern here has a mirror image that swaps the two. */
enum Direction {
    UP,
    DOWN;

    /** Both, up first: the directions a match is tried in. */
    static final List<Direction> BOTH = List.of(UP, DOWN);

    /** Whether {@code a} lies strictly beyond {@code b}: above it going up, below it going down. */
    boolean beyond(double a, double b) {
        return this == UP ? a > b : a < b;
    }

    /** The candle's price furthest this way: its high going up, its low going down. */
    double extreme(ChartCandle c) {
        return this == UP ? c.high() : c.low();
    }

    Direction opposite() {
        return this == UP ? DOWN : UP;
    }
}
