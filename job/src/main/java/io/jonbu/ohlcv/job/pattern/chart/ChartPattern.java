package io.jonbu.ohlcv.job.pattern.chart;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.pattern.Pattern;

/**
 * One kind of chart pattern in both its mirror images: the CEP pattern that finds it in the candles
 * of one series going either way, and what a match is in each {@link Direction}. One CEP operator
 * per kind rather than per direction: each operator keeps a buffer, timers and a partial match per
 * candle of every series, and the two directions would repeat all of it. Serializable because
 * {@link ChartPatternMatch} carries it to the task managers.
 */
interface ChartPattern extends Serializable {
    /** The stable lower-case name of the kind, e.g. {@code level-break}: part of its operator's uid. */
    String kind();

    /** The stable lower-case name of the pattern going one way, e.g. {@code breakout}: part of the published schema. */
    String name(Direction direction);

    /** Matches the candles that make the pattern in at least one direction. */
    Pattern<CandleWithLevels, ?> pattern();

    /** Whether a match of {@link #pattern()}, keyed by its pattern names, makes the pattern going {@code direction}. */
    boolean holds(Direction direction, Map<String, List<CandleWithLevels>> match);

    /** The level of a match that {@link #holds} going {@code direction}; NaN when none applies. */
    double level(Direction direction, Map<String, List<CandleWithLevels>> match);
}
