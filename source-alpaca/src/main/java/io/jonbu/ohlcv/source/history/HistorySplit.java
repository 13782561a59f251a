package io.jonbu.ohlcv.source.history;

import io.jonbu.ohlcv.model.EpochNanos;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One symbol's trades over one slice of time, read from the REST trades endpoint in ascending time.
 * Alpaca returns a range in the same order every time, so the count of trades already emitted is a
 * position a restored reader can resume from.
 *
 * @param symbol  ticker
 * @param start   inclusive, epoch nanoseconds UTC
 * @param end     exclusive, epoch nanoseconds UTC
 * @param emitted trades of the slice already emitted downstream
 */
public record HistorySplit(String symbol, long start, long end, long emitted) implements SourceSplit {
    public HistorySplit {
        Objects.requireNonNull(symbol, "symbol");
        if (start >= end) {
            throw new IllegalArgumentException("split of " + symbol + ": start must be before end");
        }
        if (emitted < 0) {
            throw new IllegalArgumentException("emitted must not be negative, was " + emitted);
        }
    }

    @Override
    public String splitId() {
        return symbol + "@" + EpochNanos.format(start);
    }

    HistorySplit emitted(long count) {
        return new HistorySplit(symbol, start, end, count);
    }
}
