package io.jonbu.ohlcv.source.history;

import java.util.List;

/** The slices no reader has taken yet. */
public record HistoryEnumeratorState(List<HistorySplit> remaining) {
    public HistoryEnumeratorState {
        remaining = List.copyOf(remaining);
    }
}
