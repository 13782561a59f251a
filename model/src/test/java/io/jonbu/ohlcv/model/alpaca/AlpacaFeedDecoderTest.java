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
    void correctionsAndCancelsBecomeFeedEventsOfTheirKind() {
        decoder.decode("[{\"T\":\"c\",\"S\":\"AAPL\",\"x\":\"V\",\"oi\":1,\"op\":10,\"os\":5,\"oc\":[\"@\"],\"ci\":2,\"cp\":11,\"cs\":5,"
                + "\"cc\":[\"@\"],\"z\":\"C\",\"t\":\"2024-03-08T14:30:00Z\"},"
                + "{\"T\":\"x\",\"S\":\"AAPL\",\"i\":2,\"x\":\"V\",\"p\":11,\"s\":5,\"a\":\"C\",\"z\":\"C\",\"t\":\"2024-03-08T14:30:00Z\"}]",
                events::add);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).correction().correctedPrice()).isEqualTo(11);
        assertThat(events.get(1).cancel().id()).isEqualTo(2);
        assertThat(events).allMatch(FeedEvent::isTapeEvent).noneMatch(FeedEvent::isTrade);
    }

    @Test
    void anEventIsATradeOrADeadLetterNeverBothOrNeither() {
        assertThatThrownBy(() -> new FeedEvent(null, null, null, null, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
