package io.jonbu.ohlcv.source.stream;

import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * From the enumerator to the readers: the symbols a split streams from now on. It carries the whole
 * set rather than what was added and removed, so applying it twice, or to a reader whose restored
 * split already has it, changes nothing; a reader that does not hold the split ignores it.
 */
public record SplitSymbols(String splitId, List<String> symbols) implements SourceEvent {
    private static final long serialVersionUID = 1L;

    public SplitSymbols {
        Objects.requireNonNull(splitId, "splitId");
        symbols = List.copyOf(symbols);
    }
}
