package io.jonbu.ohlcv.source.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Pushes symbol-group splits to the readers round robin. It waits until every reader has registered
 * so the splits spread evenly instead of all landing on the first reader to start; splits handed back
 * by a failed reader wait the same way until it has registered again.
 */
final class AlpacaSplitEnumerator implements SplitEnumerator<AlpacaStreamSplit, AlpacaEnumeratorState> {
    private final SplitEnumeratorContext<AlpacaStreamSplit> context;
    private final Deque<AlpacaStreamSplit> unassigned;
    private int nextReader;

    AlpacaSplitEnumerator(SplitEnumeratorContext<AlpacaStreamSplit> context, Collection<AlpacaStreamSplit> unassigned) {
        this.context = context;
        this.unassigned = new ArrayDeque<>(unassigned);
    }

    @Override
    public void start() {
        // nothing to discover: the splits are fixed by the symbol list and go out as readers register
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // readers never ask: splits are pushed when readers register
    }

    @Override
    public void addSplitsBack(List<AlpacaStreamSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
        assignUnassigned();
    }

    @Override
    public void addReader(int subtaskId) {
        assignUnassigned();
    }

    @Override
    public AlpacaEnumeratorState snapshotState(long checkpointId) {
        return new AlpacaEnumeratorState(List.copyOf(unassigned));
    }

    @Override
    public void close() {
        // holds no resources
    }

    private void assignUnassigned() {
        if (unassigned.isEmpty() || context.registeredReaders().size() < context.currentParallelism()) {
            return;
        }
        List<Integer> readers = context.registeredReaders().keySet().stream().sorted().toList();
        Map<Integer, List<AlpacaStreamSplit>> assignment = new HashMap<>();
        while (!unassigned.isEmpty()) {
            int reader = readers.get(nextReader++ % readers.size());
            assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(unassigned.poll());
        }
        context.assignSplits(new SplitsAssignment<>(assignment));
    }
}
