package io.jonbu.ohlcv.source.stream;

import java.util.List;

/** What the enumerator checkpoints: the splits no reader holds yet (assigned ones live in reader state). */
public record AlpacaEnumeratorState(List<AlpacaStreamSplit> unassigned) {
    public AlpacaEnumeratorState {
        unassigned = List.copyOf(unassigned);
    }
}
