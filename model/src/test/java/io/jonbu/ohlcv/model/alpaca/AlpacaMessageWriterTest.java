package io.jonbu.ohlcv.model.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer against the session fixture's own lines, byte for byte. */
class AlpacaMessageWriterTest {
    private static final Path FIXTURES = Path.of("src/test/resources/alpaca");

    @Test
    void tradesCorrectionsAndCancelsAreWrittenExactlyAsTheFixtureHasThem() throws IOException {
        List<String> session = Files.readAllLines(FIXTURES.resolve("stream-session.ndjson"));
        long aaplTime = EpochNanos.parse("2024-03-08T14:30:00.013450621Z");
        long msftTime = EpochNanos.parse("2024-03-08T14:30:00.014001207Z");
        Trade aapl = new Trade("AAPL", aaplTime, 187.405, 100, "V", 52983525029461L, new String[] {"@"}, "C");
        Trade msft = new Trade("MSFT", msftTime, 409.12, 5, "Q", 52983525029462L, new String[] {"@", "I"}, "C");
        TradeCorrection correction = new TradeCorrection("AAPL", aaplTime, "V", "C", 52983525029461L, 187.405, 100,
                new String[] {"@"}, 52983525029999L, 187.4, 100, new String[] {"@"});
        TradeCancel cancel = new TradeCancel("MSFT", msftTime, "Q", "C", 52983525029462L, 409.12, 5, TradeCancel.CANCEL);

        assertThat(AlpacaMessageWriter.trades(List.of(aapl, msft))).isEqualTo(session.get(3));
        assertThat(AlpacaMessageWriter.events(List.of(FeedEvent.of(aapl), FeedEvent.of(msft)))).isEqualTo(session.get(3));
        assertThat(AlpacaMessageWriter.events(List.of(FeedEvent.of(correction)))).isEqualTo(session.get(5));
        assertThat(AlpacaMessageWriter.events(List.of(FeedEvent.of(cancel)))).isEqualTo(session.get(6));
    }

    @Test
    void aDeadLetterIsNoAlpacaMessage() {
        FeedEvent dead = FeedEvent.of(new DeadLetter("feed", "reason", "raw", 0));
        assertThatThrownBy(() -> AlpacaMessageWriter.events(List.of(dead))).isInstanceOf(IllegalArgumentException.class);
    }
}
