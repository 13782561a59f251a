package io.jonbu.ohlcv.job.pattern.chart;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.pattern.Pattern;

/**
 * One chart pattern: the CEP pattern that finds it in the candles of one series, and the price
 * level a match is about. Serializable because {@link ChartPatternMatch} carries it to the task
 * managers to compute that level.
 */
interface ChartPattern extends Serializable {
    /** The stable lower-case name, e.g. {@code breakout}: part of the published schema. */
    String name();

    Pattern<CandleWithLevels, ?> pattern();

    /** The level of a match of {@link #pattern()}, keyed by its pattern names; NaN when none applies. */
    double level(Map<String, List<CandleWithLevels>> match);
}
