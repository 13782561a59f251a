package io.jonbu.ohlcv.source.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes symbol-group splits to the readers round robin. It waits until every reader has registered
 * so the splits spread evenly instead of all landing on the first reader to start; splits handed back
 * by a failed reader wait the same way until it has registered again.
 *
 * <p>With a {@link SymbolDirectory} it also keeps the symbols in line with the directory: every poll
 * interval it asks the directory on Flink's worker thread (a database query must not hold up the
 * coordinator), and on the coordinator thread compares the answer with the symbols of its splits. A
 * removed symbol leaves its split; an added one joins the split with the fewest symbols that has room
 * ({@code symbolsPerSplit}), or a new split when all are full. Changed splits that a reader holds are
 * sent to the readers as {@link SplitSymbols}; an unassigned one goes out with its new symbols. A failed
 * poll is logged and the next one tries again: the directory being down never fails the job.
 *
 * <p>The enumerator is the authority on a split's symbols: a split handed back, and a reader that
 * registers (again, after a failover that restored its splits from an older checkpoint), get the
 * enumerator's current symbols, so no change is lost between checkpoints.
 */
final class AlpacaSplitEnumerator implements SplitEnumerator<AlpacaStreamSplit, AlpacaEnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaSplitEnumerator.class);
    static final String SPLIT_ID_PREFIX = "alpaca-";

    private final SplitEnumeratorContext<AlpacaStreamSplit> context;
    private final Deque<AlpacaStreamSplit> unassigned;
    /** Every split's symbols, assigned or not, in the order the splits were made. */
    private final Map<String, List<String>> splitSymbols;
    private final int symbolsPerSplit;
    private final Optional<SymbolDirectory> directory;
    private final Duration pollInterval;
    private int nextReader;

    /**
     * @param splitSymbols the symbols of every split, including the unassigned ones
     * @param directory    where symbols are added and removed while the job runs; empty for a fixed set
     */
    AlpacaSplitEnumerator(SplitEnumeratorContext<AlpacaStreamSplit> context, Collection<AlpacaStreamSplit> unassigned,
            Map<String, List<String>> splitSymbols, int symbolsPerSplit, Optional<SymbolDirectory> directory,
            Duration pollInterval) {
        this.context = context;
        this.unassigned = new ArrayDeque<>(unassigned);
        this.splitSymbols = new LinkedHashMap<>(splitSymbols);
        unassigned.forEach(split -> this.splitSymbols.putIfAbsent(split.id(), split.symbols()));
        this.symbolsPerSplit = symbolsPerSplit;
        this.directory = directory;
        this.pollInterval = pollInterval;
    }

    /** A fixed set of splits, as a source without a directory has. */
    AlpacaSplitEnumerator(SplitEnumeratorContext<AlpacaStreamSplit> context, Collection<AlpacaStreamSplit> unassigned) {
        this(context, unassigned, Map.of(), Integer.MAX_VALUE, Optional.empty(), Duration.ZERO);
    }

    @Override
    public void start() {
        directory.ifPresent(dir -> context.callAsync(dir::activeSymbols, this::reconcile, 0, pollInterval.toMillis()));
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // readers never ask: splits are pushed when readers register
    }

    @Override
    public void addSplitsBack(List<AlpacaStreamSplit> splits, int subtaskId) {
        // a split the enumerator has no symbols for (restored from a state that did not name them) keeps its own
        splits.forEach(split -> splitSymbols.putIfAbsent(split.id(), split.symbols()));
        unassigned.addAll(splits);
        assignUnassigned();
    }

    @Override
    public void addReader(int subtaskId) {
        Set<String> waiting = new HashSet<>();
        unassigned.forEach(split -> waiting.add(split.id()));
        splitSymbols.forEach((id, symbols) -> {
            if (!waiting.contains(id)) {
                context.sendEventToSourceReader(subtaskId, new SplitSymbols(id, symbols));
            }
        });
        assignUnassigned();
    }

    @Override
    public AlpacaEnumeratorState snapshotState(long checkpointId) {
        return new AlpacaEnumeratorState(unassigned.stream().map(this::current).toList(), splitSymbols);
    }

    @Override
    public void close() {
        // holds no resources; Flink stops the polls with the context
    }

    /** On the coordinator thread, with the directory's answer or its failure. */
    private void reconcile(Set<String> active, Throwable failure) {
        if (failure != null || active == null) {
            // a throw here would fail the job from the coordinator: a directory that is down must not
            LOG.warn("symbol directory {}; keeping the {} current symbols and asking again in {} ms",
                    failure == null ? "answered null" : "failed", trackedSymbols().size(), pollInterval.toMillis(), failure);
            return;
        }
        Set<String> before = trackedSymbols();
        Set<String> changed = new TreeSet<>();
        splitSymbols.replaceAll((id, symbols) -> {
            List<String> kept = symbols.stream().filter(active::contains).toList();
            if (kept.size() != symbols.size()) {
                changed.add(id);
            }
            return kept;
        });
        List<String> added = active.stream().filter(symbol -> !before.contains(symbol)).sorted().toList();
        List<String> removed = before.stream().filter(symbol -> !active.contains(symbol)).sorted().toList();
        Set<String> newSplits = new TreeSet<>();
        for (String symbol : added) {
            String id = splitWithRoom().orElseGet(() -> {
                String made = SPLIT_ID_PREFIX + splitSymbols.size();
                splitSymbols.put(made, List.of());
                newSplits.add(made);
                return made;
            });
            List<String> symbols = new ArrayList<>(splitSymbols.get(id));
            symbols.add(symbol);
            splitSymbols.put(id, List.copyOf(symbols));
            changed.add(id);
        }
        if (changed.isEmpty()) {
            return;
        }
        LOG.info("symbol directory: added {}, removed {}; now {} symbols in {} splits",
                added, removed, active.size(), splitSymbols.size());
        Set<String> waiting = new HashSet<>();
        unassigned.forEach(split -> waiting.add(split.id()));
        for (String id : changed) {
            if (newSplits.contains(id)) {
                unassigned.add(new AlpacaStreamSplit(id, splitSymbols.get(id)));
            } else if (!waiting.contains(id)) {
                // the enumerator does not track which reader holds a split across restores; each
                // reader ignores the splits it does not hold
                SplitSymbols event = new SplitSymbols(id, splitSymbols.get(id));
                context.registeredReaders().keySet().forEach(reader -> context.sendEventToSourceReader(reader, event));
            }
        }
        assignUnassigned();
    }

    /** The split with the fewest symbols that can take one more; the first made among equals. */
    private Optional<String> splitWithRoom() {
        return splitSymbols.entrySet().stream()
                .filter(split -> split.getValue().size() < symbolsPerSplit)
                .min(Comparator.comparingInt(split -> split.getValue().size()))
                .map(Map.Entry::getKey);
    }

    private Set<String> trackedSymbols() {
        Set<String> tracked = new HashSet<>();
        splitSymbols.values().forEach(tracked::addAll);
        return tracked;
    }

    /** A split as it goes out: its positions as the reader last checkpointed them, its symbols as of now. */
    private AlpacaStreamSplit current(AlpacaStreamSplit split) {
        List<String> symbols = splitSymbols.get(split.id());
        return symbols == null || symbols.equals(split.symbols()) ? split : split.withSymbols(symbols);
    }

    private void assignUnassigned() {
        if (unassigned.isEmpty() || context.registeredReaders().size() < context.currentParallelism()) {
            return;
        }
        List<Integer> readers = context.registeredReaders().keySet().stream().sorted().toList();
        Map<Integer, List<AlpacaStreamSplit>> assignment = new HashMap<>();
        while (!unassigned.isEmpty()) {
            int reader = readers.get(nextReader++ % readers.size());
            assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(current(unassigned.poll()));
        }
        context.assignSplits(new SplitsAssignment<>(assignment));
    }
}
