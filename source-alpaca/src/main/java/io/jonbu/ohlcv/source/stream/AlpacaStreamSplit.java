package io.jonbu.ohlcv.source.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A group of symbols streamed over one WebSocket connection, and where its reader got in each symbol.
 * A live stream has no offset to seek to, so the positions say which trades a backfill from the
 * REST API must leave out; a split that has none was never read and starts live. It never finishes.
 * Its symbols change while it runs when a {@link SymbolDirectory} says so; a split whose symbols were
 * all removed stays, empty and without a connection, so that symbols added later can go on it.
 *
 * @param positions per symbol that has traded, how far the reader got; empty for a fresh split
 */
public record AlpacaStreamSplit(String id, List<String> symbols, Map<String, SymbolPosition> positions)
        implements SourceSplit {
    public AlpacaStreamSplit {
        Objects.requireNonNull(id, "id");
        symbols = List.copyOf(symbols);
        positions = Map.copyOf(positions);
    }

    /** A split never read yet. */
    public AlpacaStreamSplit(String id, List<String> symbols) {
        this(id, symbols, Map.of());
    }

    /** The same split streaming {@code next}; positions of symbols no longer in it are dropped. */
    public AlpacaStreamSplit withSymbols(List<String> next) {
        Map<String, SymbolPosition> kept = new HashMap<>(positions);
        kept.keySet().retainAll(next);
        return new AlpacaStreamSplit(id, next, kept);
    }

    @Override
    public String splitId() {
        return id;
    }
}
