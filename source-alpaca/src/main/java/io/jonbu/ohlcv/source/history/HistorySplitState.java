package io.jonbu.ohlcv.source.history;

/** A slice being read: how many of its trades have gone downstream, counted on the task thread. */
final class HistorySplitState {
    private final HistorySplit split;
    private long emitted;

    HistorySplitState(HistorySplit split) {
        this.split = split;
        this.emitted = split.emitted();
    }

    void emitted() {
        emitted++;
    }

    HistorySplit toSplit() {
        return split.emitted(emitted);
    }
}
