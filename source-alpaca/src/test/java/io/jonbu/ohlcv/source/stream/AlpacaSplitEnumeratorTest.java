package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

/** Flink's own enumerator test context (flink-core test-jar): registered readers and recorded assignments. */
@SuppressWarnings("try") // MockSplitEnumeratorContext.close() throws Exception, which try-with-resources passes on
class AlpacaSplitEnumeratorTest {
    private static final AlpacaStreamSplit A = new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT"));
    private static final AlpacaStreamSplit B = new AlpacaStreamSplit("alpaca-1", List.of("NVDA", "AMZN"));
    private static final AlpacaStreamSplit C = new AlpacaStreamSplit("alpaca-2", List.of("SPY"));

    @Test
    void assignsRoundRobinOnceEveryReaderHasRegistered() throws Exception {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(2)) {
            AlpacaSplitEnumerator enumerator = new AlpacaSplitEnumerator(context, List.of(A, B, C));
            enumerator.start();
            register(context, enumerator, 1);
            assertThat(context.getSplitsAssignmentSequence()).as("waits for reader 0").isEmpty();

            register(context, enumerator, 0);
            assertThat(context.getSplitsAssignmentSequence()).hasSize(1);
            assertThat(context.getSplitsAssignmentSequence().get(0).assignment())
                    .isEqualTo(Map.of(0, List.of(A, C), 1, List.of(B)));
            assertThat(enumerator.snapshotState(1).unassigned()).isEmpty();
        }
    }

    @Test
    void splitsOfAFailedReaderAreAssignedAgainWhenItReturns() throws Exception {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(1)) {
            AlpacaSplitEnumerator enumerator = new AlpacaSplitEnumerator(context, List.of(A));
            register(context, enumerator, 0);

            context.unregisterReader(0);
            enumerator.addSplitsBack(List.of(A), 0);
            assertThat(enumerator.snapshotState(2).unassigned()).containsExactly(A);

            register(context, enumerator, 0);
            assertThat(context.getSplitsAssignmentSequence()).hasSize(2);
            assertThat(context.getSplitsAssignmentSequence().get(1).assignment()).isEqualTo(Map.of(0, List.of(A)));
            assertThat(enumerator.snapshotState(3).unassigned()).isEmpty();
        }
    }

    @Test
    void restoredEnumeratorAssignsTheCheckpointedSplits() throws Exception {
        try (MockSplitEnumeratorContext<AlpacaStreamSplit> context = new MockSplitEnumeratorContext<>(1)) {
            AlpacaStreamSource source = AlpacaStreamSource.builder().url("ws://127.0.0.1:1/v2/iex")
                    .credentials("k", "s").symbols(List.of("AAPL")).build();
            var enumerator = source.restoreEnumerator(context, new AlpacaEnumeratorState(List.of(B), Map.of()));
            context.registerReader(new ReaderInfo(0, "localhost"));
            enumerator.addReader(0);
            assertThat(context.getSplitsAssignmentSequence().get(0).assignment()).isEqualTo(Map.of(0, List.of(B)));
        }
    }

    private static void register(MockSplitEnumeratorContext<AlpacaStreamSplit> context, AlpacaSplitEnumerator enumerator,
            int subtask) {
        context.registerReader(new ReaderInfo(subtask, "localhost"));
        enumerator.addReader(subtask);
    }
}
