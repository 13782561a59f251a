package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.source.stream.SymbolPosition.SeenTrade;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SerializersTest {
    private final AlpacaStreamSplitSerializer splits = new AlpacaStreamSplitSerializer();
    private final AlpacaEnumeratorStateSerializer states = new AlpacaEnumeratorStateSerializer();

    @Test
    void splitSurvivesARoundTrip() throws IOException {
        AlpacaStreamSplit split = new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "BRK.B", "FAKEPACA"));
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split))).isEqualTo(split);
    }

    @Test
    void splitWithPositionsSurvivesARoundTrip() throws IOException {
        AlpacaStreamSplit split = withPositions();
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split))).isEqualTo(split);
    }

    @Test
    void versionOneSplitsAreReadAsSplitsWithoutPositions() throws IOException {
        DataOutputSerializer v1 = new DataOutputSerializer(64);
        writeVersionOne(v1, "alpaca-0", "AAPL", "MSFT");

        assertThat(splits.deserialize(1, v1.getCopyOfBuffer()))
                .isEqualTo(new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT"), Map.of()));
    }

    @Test
    void versionOneEnumeratorStatesAreRead() throws IOException {
        DataOutputSerializer v1 = new DataOutputSerializer(64);
        v1.writeInt(2);
        writeVersionOne(v1, "alpaca-0", "AAPL");
        writeVersionOne(v1, "alpaca-1", "SPY");

        assertThat(states.deserialize(1, v1.getCopyOfBuffer())).isEqualTo(new AlpacaEnumeratorState(List.of(
                new AlpacaStreamSplit("alpaca-0", List.of("AAPL")), new AlpacaStreamSplit("alpaca-1", List.of("SPY"))),
                Map.of()));
    }

    @Test
    void versionTwoEnumeratorStatesAreReadWithoutSplitSymbols() throws IOException {
        DataOutputSerializer v2 = new DataOutputSerializer(64);
        v2.writeInt(1);
        AlpacaStreamSplitSerializer.write(withPositions(), v2);

        assertThat(states.deserialize(2, v2.getCopyOfBuffer()))
                .isEqualTo(new AlpacaEnumeratorState(List.of(withPositions()), Map.of()));
    }

    @Test
    void enumeratorStateSurvivesARoundTrip() throws IOException {
        AlpacaEnumeratorState state = new AlpacaEnumeratorState(List.of(
                withPositions(),
                new AlpacaStreamSplit("alpaca-1", List.of("SPY"))),
                Map.of("alpaca-0", List.of("AAPL", "MSFT", "SPY"), "alpaca-1", List.of("SPY"), "alpaca-2", List.of()));
        AlpacaEnumeratorState read = states.deserialize(states.getVersion(), states.serialize(state));
        assertThat(read).isEqualTo(state);
        assertThat(read.splitSymbols().keySet()).as("split order").containsExactlyElementsOf(state.splitSymbols().keySet());
    }

    @Test
    void emptyEnumeratorStateSurvivesARoundTrip() throws IOException {
        AlpacaEnumeratorState empty = new AlpacaEnumeratorState(List.of(), Map.of());
        assertThat(states.deserialize(states.getVersion(), states.serialize(empty))).isEqualTo(empty);
    }

    /** The layout of version 1, as the serializer before positions wrote it. */
    private static void writeVersionOne(DataOutputSerializer out, String id, String... symbols) throws IOException {
        out.writeUTF(id);
        out.writeInt(symbols.length);
        for (String symbol : symbols) {
            out.writeUTF(symbol);
        }
    }

    private static AlpacaStreamSplit withPositions() {
        return new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT", "SPY"), Map.of(
                "AAPL", new SymbolPosition(1_709_908_200_000_000_123L, List.of(
                        new SeenTrade("V", 1, 1_709_908_199_000_000_000L), new SeenTrade("", 2, 1_709_908_200_000_000_123L))),
                "MSFT", new SymbolPosition(1_709_908_100_000_000_000L, List.of())));
    }

    @Test
    void unknownVersionsAreRefused() {
        assertThatThrownBy(() -> splits.deserialize(99, new byte[0])).hasMessageContaining("version 99");
        assertThatThrownBy(() -> states.deserialize(99, new byte[0])).hasMessageContaining("version 99");
    }
}
