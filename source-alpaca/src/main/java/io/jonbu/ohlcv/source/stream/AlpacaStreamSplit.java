package io.jonbu.ohlcv.source.stream;

import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A group of symbols streamed over one WebSocket connection. A live stream has no position to
 * resume from, so the split is just its symbols and never finishes.
 */
public record AlpacaStreamSplit(String id, List<String> symbols) implements SourceSplit {
    public AlpacaStreamSplit {
        Objects.requireNonNull(id, "id");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("split " + id + " has no symbols");
        }
    }

    @Override
    public String splitId() {
        return id;
    }
}
