package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
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
    void enumeratorStateSurvivesARoundTrip() throws IOException {
        AlpacaEnumeratorState state = new AlpacaEnumeratorState(List.of(
                new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT")),
                new AlpacaStreamSplit("alpaca-1", List.of("SPY"))));
        assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
    }

    @Test
    void emptyEnumeratorStateSurvivesARoundTrip() throws IOException {
        AlpacaEnumeratorState empty = new AlpacaEnumeratorState(List.of());
        assertThat(states.deserialize(states.getVersion(), states.serialize(empty))).isEqualTo(empty);
    }

    @Test
    void unknownVersionsAreRefused() {
        assertThatThrownBy(() -> splits.deserialize(99, new byte[0])).hasMessageContaining("version 99");
        assertThatThrownBy(() -> states.deserialize(99, new byte[0])).hasMessageContaining("version 99");
    }
}
