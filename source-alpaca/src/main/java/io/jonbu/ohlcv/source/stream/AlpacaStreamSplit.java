package io.jonbu.ohlcv.source.stream;

import java.util.Map;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A group of symbols streamed over one WebSocket connection, and where its reader got in each symbol.
 * A live stream has no offset to seek to, so the positions say which trades a backfill from the
 * REST API must leave out; a split that has none was never read and starts live. It never finishes.
 *
 * @param positions per symbol that has traded, how far the reader got; empty for a fresh split
 */
public record AlpacaStreamSplit(String id, List<String> symbols, Map<String, SymbolPosition> positions)
        implements SourceSplit {
    public AlpacaStreamSplit {
        Objects.requireNonNull(id, "id");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("split " + id + " has no symbols");
        }
        positions = Map.copyOf(positions);
    }

    /** A split never read yet. */
    public AlpacaStreamSplit(String id, List<String> symbols) {
        this(id, symbols, Map.of());
    }

    @Override
    public String splitId() {
        return id;
    }
}
