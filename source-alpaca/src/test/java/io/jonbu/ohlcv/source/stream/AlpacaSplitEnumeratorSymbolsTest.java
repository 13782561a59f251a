package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

/**
 * The enumerator following a symbol directory, on Flink's mock context: each poll is run by hand
 * ({@code runPeriodicCallable}), with the answer on the worker thread and the reconcile on the
 * context's coordinator thread, as in a job.
 */
@SuppressWarnings("try") // MockSplitEnumeratorContext.close() throws Exception, which try-with-resources passes on
class AlpacaSplitEnumeratorSymbolsTest {
    private static final int PER_SPLIT = 2;
    private static final AlpacaStreamSplit FULL = new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT"));
    private static final AlpacaStreamSplit HALF = new AlpacaStreamSplit("alpaca-1", List.of("SPY"));

    private final AtomicReference<Set<String>> directory = new AtomicReference<>(Set.of("AAPL", "MSFT", "SPY"));
    /** A directory answering null instead of throwing (a careless implementation). */
    private volatile boolean answerNull;

    @Test
    void anAddedSymbolJoinsTheSplitWithRoomAndTheReadersAreTold() throws Throwable {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(2)) {
            AlpacaSplitEnumerator enumerator = started(context, FULL, HALF);
            directory.set(Set.of("AAPL", "MSFT", "SPY", "NVDA"));
            context.runPeriodicCallable(0);

            SplitSymbols expected = new SplitSymbols("alpaca-1", List.of("SPY", "NVDA"));
            assertThat(context.getSentSourceEvent()).isEqualTo(Map.of(0, List.of(expected), 1, List.of(expected)));
            assertThat(enumerator.snapshotState(1).splitSymbols())
                    .isEqualTo(Map.of("alpaca-0", List.of("AAPL", "MSFT"), "alpaca-1", List.of("SPY", "NVDA")));
        }
    }

    @Test
    void aRemovedSymbolLeavesItsSplit() throws Throwable {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(1)) {
            started(context, FULL, HALF);
            directory.set(Set.of("AAPL", "SPY"));
            context.runPeriodicCallable(0);

            assertThat(context.getSentSourceEvent()).isEqualTo(Map.of(0, List.of(new SplitSymbols("alpaca-0", List.of("AAPL")))));
        }
    }

    @Test
    void whenEverySplitIsFullANewSplitIsMadeAndAssigned() throws Throwable {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(2)) {
            started(context, FULL, new AlpacaStreamSplit("alpaca-1", List.of("SPY", "QQQ")));
            directory.set(Set.of("AAPL", "MSFT", "SPY", "QQQ", "NVDA", "AMZN", "TSLA"));
            context.runPeriodicCallable(0);

            assertThat(context.getSentSourceEvent()).as("no existing split changed").isEmpty();
            assertThat(context.getSplitsAssignmentSequence()).hasSize(2);
            assertThat(context.getSplitsAssignmentSequence().get(1).assignment()).isEqualTo(Map.of(
                    0, List.of(new AlpacaStreamSplit("alpaca-2", List.of("AMZN", "NVDA"))),
                    1, List.of(new AlpacaStreamSplit("alpaca-3", List.of("TSLA")))));
        }
    }

    @Test
    void aFailingDirectoryChangesNothingAndIsAskedAgain() throws Throwable {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(1)) {
            AlpacaSplitEnumerator enumerator = started(context, FULL, HALF);
            directory.set(null); // the test directory throws on null
            context.runPeriodicCallable(0);
            assertThat(context.getSentSourceEvent()).isEmpty();
            assertThat(enumerator.snapshotState(1).splitSymbols()).containsEntry("alpaca-0", List.of("AAPL", "MSFT"));

            answerNull = true;
            context.runPeriodicCallable(0);
            assertThat(context.getSentSourceEvent()).as("a null answer is a failure too").isEmpty();

            answerNull = false;
            directory.set(Set.of("AAPL", "MSFT"));
            context.runPeriodicCallable(0);
            assertThat(context.getSentSourceEvent()).isEqualTo(Map.of(0, List.of(new SplitSymbols("alpaca-1", List.of()))));
        }
    }

    @Test
    void aRestoredEnumeratorRemembersLiveChangesAndTellsReadersThatRegister() throws Throwable {
        AlpacaEnumeratorState checkpoint;
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(1)) {
            AlpacaSplitEnumerator enumerator = started(context, FULL, HALF);
            directory.set(Set.of("MSFT", "SPY", "NVDA"));
            context.runPeriodicCallable(0);
            AlpacaEnumeratorStateSerializer serializer = new AlpacaEnumeratorStateSerializer();
            checkpoint = serializer.deserialize(serializer.getVersion(), serializer.serialize(enumerator.snapshotState(7)));
        }
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(1)) {
            // built with the old list: the checkpoint, not the builder, has the last word
            AlpacaStreamSource source = AlpacaStreamSource.builder().url("ws://127.0.0.1:1/v2/iex").credentials("k", "s")
                    .symbols(List.of("AAPL", "MSFT", "SPY")).symbolsPerSplit(PER_SPLIT)
                    .symbolDirectory(this::answer, Duration.ofSeconds(1)).build();
            SplitEnumerator<AlpacaStreamSplit, AlpacaEnumeratorState> restored = source.restoreEnumerator(context, checkpoint);
            restored.start();
            context.registerReader(new ReaderInfo(0, "localhost"));
            restored.addReader(0);

            List<SourceEvent> told = context.getSentSourceEvent().get(0);
            // AAPL left alpaca-0 before NVDA came, so NVDA went to the first of two equally loaded splits
            assertThat(told).containsExactly(new SplitSymbols("alpaca-0", List.of("MSFT", "NVDA")),
                    new SplitSymbols("alpaca-1", List.of("SPY")));

            context.runPeriodicCallable(0);
            assertThat(context.getSentSourceEvent().get(0)).as("the directory agrees: nothing more").hasSize(2);
        }
    }

    @Test
    void aSplitHandedBackGoesOutWithItsCurrentSymbols() throws Throwable {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(1)) {
            AlpacaSplitEnumerator enumerator = started(context, FULL);
            directory.set(Set.of("AAPL", "MSFT", "SPY"));
            context.runPeriodicCallable(0); // SPY cannot join the full split: it gets a new one
            context.unregisterReader(0);
            directory.set(Set.of("MSFT", "SPY"));
            context.runPeriodicCallable(0); // no reader to tell

            enumerator.addSplitsBack(List.of(FULL), 0);
            context.registerReader(new ReaderInfo(0, "localhost"));
            enumerator.addReader(0);
            assertThat(context.getSplitsAssignmentSequence().get(context.getSplitsAssignmentSequence().size() - 1)
                    .assignment()).isEqualTo(Map.of(0, List.of(new AlpacaStreamSplit("alpaca-0", List.of("MSFT")))));
        }
    }

    /** An enumerator over {@code splits}, polling {@link #directory}, with every reader registered and assigned. */
    private AlpacaSplitEnumerator started(MockSplitEnumeratorContext<AlpacaStreamSplit> context, AlpacaStreamSplit... splits) {
        Map<String, List<String>> symbols = new LinkedHashMap<>();
        for (AlpacaStreamSplit split : splits) {
            symbols.put(split.id(), split.symbols());
        }
        AlpacaSplitEnumerator enumerator = new AlpacaSplitEnumerator(context, List.of(splits), symbols, PER_SPLIT,
                Optional.of(this::answer), Duration.ofSeconds(1));
        enumerator.start();
        for (int reader = 0; reader < context.currentParallelism(); reader++) {
            context.registerReader(new ReaderInfo(reader, "localhost"));
            enumerator.addReader(reader);
        }
        return enumerator;
    }

    private Set<String> answer() throws Exception {
        if (answerNull) {
            return null;
        }
        Set<String> active = directory.get();
        if (active == null) {
            throw new SQLException("connection refused");
        }
        return active;
    }
}
