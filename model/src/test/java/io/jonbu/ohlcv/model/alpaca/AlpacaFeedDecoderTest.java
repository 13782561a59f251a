package io.jonbu.ohlcv.model.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.FeedEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlpacaFeedDecoderTest {
    private final AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("test-feed");
    private final List<FeedEvent> events = new ArrayList<>();

    @Test
    void tradesAndDeadLettersComeOutInOrderAndConnectionMessagesNot() {
        decoder.decode("[{\"T\":\"success\",\"msg\":\"connected\"}]", events::add);
        decoder.decode("[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":1,\"x\":\"V\",\"p\":10,\"s\":5,\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"C\"},"
                + "{\"T\":\"t\",\"S\":\"AAPL\",\"i\":2,\"p\":10,\"s\":5}]", events::add);
        decoder.decode("   ", events::add);
        decoder.decode("garbage", events::add);

        assertThat(events).hasSize(3);
        assertThat(events.get(0).trade().id()).isEqualTo(1);
        assertThat(events.get(1).deadLetter().reason()).isEqualTo("missing field 't' (timestamp)");
        assertThat(events.get(1).deadLetter().source()).isEqualTo("test-feed");
        assertThat(events.get(2).deadLetter().raw()).isEqualTo("garbage");
    }

    @Test
    void anEventIsATradeOrADeadLetterNeverBothOrNeither() {
        assertThatThrownBy(() -> new FeedEvent(null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
