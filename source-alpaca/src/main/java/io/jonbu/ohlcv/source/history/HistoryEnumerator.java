package io.jonbu.ohlcv.source.history;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands out one slice per request, so a reader that finishes early takes the next one and the
 * slices balance across readers by their real cost; when none are left the reader is told so.
 */
final class HistoryEnumerator implements SplitEnumerator<HistorySplit, HistoryEnumeratorState> {
    private final SplitEnumeratorContext<HistorySplit> context;
    private final Deque<HistorySplit> remaining;

    HistoryEnumerator(SplitEnumeratorContext<HistorySplit> context, Collection<HistorySplit> remaining) {
        this.context = context;
        this.remaining = new ArrayDeque<>(remaining);
    }

    @Override
    public void start() {
        // readers ask for slices as they go
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        HistorySplit next = remaining.poll();
        if (next == null) {
            context.signalNoMoreSplits(subtaskId);
        } else {
            context.assignSplit(next, subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<HistorySplit> splits, int subtaskId) {
        // a failed reader's slices come back with how far it had emitted as of the last checkpoint
        splits.forEach(remaining::addFirst);
    }

    @Override
    public void addReader(int subtaskId) {
        // the reader sends its first request when it starts
    }

    @Override
    public HistoryEnumeratorState snapshotState(long checkpointId) {
        return new HistoryEnumeratorState(List.copyOf(remaining));
    }

    @Override
    public void close() {
        // holds no resources
    }
}
