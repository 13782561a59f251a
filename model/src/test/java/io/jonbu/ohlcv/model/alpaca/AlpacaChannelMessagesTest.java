package io.jonbu.ohlcv.model.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.TradingStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quotes, the three kinds of bar and trading statuses: read in the trades' pass, written back byte for byte. */
class AlpacaChannelMessagesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/alpaca");
    private static final long MINUTE = EpochNanos.parse("2024-03-08T14:30:00Z");

    private final AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("test");
    private final List<FeedEvent> events = new ArrayList<>();

    @Test
    void readsEveryChannelOfTheFixtureFieldByField() throws IOException {
        Files.readAllLines(FIXTURES.resolve("stream-channels.ndjson")).forEach(line -> decoder.decode(line, events::add));

        assertThat(events).noneMatch(e -> e.deadLetter() != null).noneMatch(FeedEvent::isTapeEvent).hasSize(5);
        assertThat(events.get(0).quote()).isEqualTo(new Quote("AAPL", EpochNanos.parse("2024-03-08T14:30:00.012Z"),
                "U", 187.39, 2, "Q", 187.42, 4, new String[] {"R"}, "C"));
        assertThat(events.get(1).bar()).isEqualTo(new ProviderBar(ProviderBar.Kind.BAR, "AAPL", MINUTE,
                187.405, 187.41, 187.405, 187.41, 300, 2, 187.408333));
        assertThat(events.get(2).bar()).isEqualTo(new ProviderBar(ProviderBar.Kind.UPDATED_BAR, "AAPL", MINUTE,
                187.405, 187.45, 187.405, 187.41, 400, 3, 187.41875));
        assertThat(events.get(3).bar().kind()).isEqualTo(ProviderBar.Kind.DAILY_BAR);
        assertThat(events.get(3).bar().start()).isEqualTo(EpochNanos.parse("2024-03-08T05:00:00Z"));
        assertThat(events.get(4).status()).isEqualTo(new TradingStatus("AAPL", EpochNanos.parse("2024-03-08T14:31:02.000000001Z"),
                "H", "Trading Halt", "T12", "Trading Halted; For information requested by NASDAQ", "C"));
        assertThat(events).extracting(FeedEvent::symbol).containsOnly("AAPL");
    }

    @Test
    void theWriterWritesEachChannelExactlyAsTheFixtureHasIt() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURES.resolve("stream-channels.ndjson"));
        for (String line : lines.subList(1, lines.size())) {
            List<FeedEvent> read = new ArrayList<>();
            decoder.decode(line, read::add);
            assertThat(AlpacaMessageWriter.events(read)).isEqualTo(line);
        }
    }

    @Test
    void theSessionFixturesBarIsAMinuteBar() throws IOException {
        Files.readAllLines(FIXTURES.resolve("stream-session.ndjson")).forEach(line -> decoder.decode(line, events::add));
        assertThat(events).filteredOn(e -> e.bar() != null).singleElement()
                .satisfies(e -> assertThat(e.bar().kind()).isEqualTo(ProviderBar.Kind.BAR));
        assertThat(events).noneMatch(e -> e.deadLetter() != null);
    }

    @Test
    void aQuoteWithoutABidSideIsAQuote() {
        decoder.decode("[{\"T\":\"q\",\"S\":\"AAPL\",\"bx\":\"\",\"bp\":0,\"bs\":0,\"ax\":\"Q\",\"ap\":187.42,\"as\":4,"
                + "\"t\":\"2024-03-08T14:30:00Z\",\"c\":[\"R\"],\"z\":\"C\"}]", events::add);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.quote().bidPrice()).isZero());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"bx\":\"U\",\"bs\":2,\"ax\":\"Q\",\"ap\":1,\"as\":4              | missing field 'bp' (bid price)",
        "\"bx\":\"U\",\"bp\":\"1\",\"bs\":2,\"ax\":\"Q\",\"ap\":1,\"as\":4  | field 'bp' (bid price) must be a number",
        "\"bx\":\"U\",\"bp\":1,\"bs\":2,\"ax\":\"Q\",\"ap\":-1,\"as\":4    | field 'ap' (ask price) must not be negative",
        "\"bx\":\"U\",\"bp\":1,\"bs\":2.5,\"ax\":\"Q\",\"ap\":1,\"as\":4   | field 'bs' (bid size) must be a whole number",
        "\"bx\":\"U\",\"bp\":1,\"bs\":2,\"ax\":\"Q\",\"ap\":1              | missing field 'as' (ask size)",
    })
    void namesTheFieldOfAQuoteThatIsWrong(String fields, String reason) {
        assertDeadLetter("{\"T\":\"q\",\"S\":\"AAPL\"," + fields.trim() + ",\"t\":\"2024-03-08T14:30:00Z\",\"c\":[\"R\"],\"z\":\"C\"}",
                reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "b | \"h\":2,\"l\":1,\"c\":1,\"v\":3,\"n\":1,\"vw\":1           | missing field 'o' (open)",
        "u | \"o\":1,\"h\":2,\"l\":1,\"c\":\"1\",\"v\":3,\"n\":1,\"vw\":1 | field 'c' (close) must be a number",
        "d | \"o\":1,\"h\":2,\"l\":1,\"c\":0,\"v\":3,\"n\":1,\"vw\":1     | field 'c' (close) must be a positive number",
        "b | \"o\":1,\"h\":2,\"l\":1,\"c\":1,\"v\":-3,\"n\":1,\"vw\":1    | field 'v' (volume) must not be negative",
        "b | \"o\":1,\"h\":2,\"l\":1,\"c\":1,\"v\":3,\"vw\":1             | missing field 'n' (trade count)",
        "b | \"o\":1,\"h\":2,\"l\":1,\"c\":1,\"v\":3,\"n\":1               | missing field 'vw' (volume-weighted average price)",
        "b | \"o\":1,\"h\":2,\"l\":1,\"c\":1,\"v\":3.5,\"n\":1,\"vw\":1   | field 'v' (volume) must be a whole number",
        "b | \"o\":3,\"h\":2,\"l\":1,\"c\":1,\"v\":3,\"n\":1,\"vw\":1     | field 'h' (high) and 'l' (low) must enclose 'o' (open) and 'c' (close): h=2.0 l=1.0 o=3.0 c=1.0",
    })
    void namesTheFieldOfABarThatIsWrong(String type, String fields, String reason) {
        assertDeadLetter("{\"T\":\"" + type.trim() + "\",\"S\":\"AAPL\"," + fields.trim() + ",\"t\":\"2024-03-08T14:30:00Z\"}",
                reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"T\":\"s\",\"S\":\"AAPL\",\"sm\":\"Trading Halt\",\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"C\"}         | missing field 'sc' (status code)",
        "{\"T\":\"s\",\"S\":\"AAPL\",\"sc\":\"H\",\"z\":\"C\"}                                                    | missing field 't' (timestamp)",
        "{\"T\":\"s\",\"sc\":\"H\",\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"C\"}                                   | missing field 'S' (symbol)",
        "{\"T\":\"q\",\"S\":\"AAPL\",\"bp\":1,\"bs\":1,\"ap\":1,\"as\":1,\"t\":\"noon\"}                         | field 't' (timestamp) is not RFC 3339: \"noon\"",
    })
    void namesTheMissingFieldOfAStatusOrQuote(String message, String reason) {
        assertDeadLetter(message.trim(), reason);
    }

    @Test
    void aBadQuoteInAFrameSpoilsNeitherTheBarNorTheStatusAroundIt() {
        decoder.decode("[{\"T\":\"b\",\"S\":\"A\",\"o\":1,\"h\":1,\"l\":1,\"c\":1,\"v\":3,\"t\":\"2024-03-08T14:30:00Z\",\"n\":1,\"vw\":1},"
                + "{\"T\":\"q\",\"S\":\"A\",\"bp\":{\"x\":1},\"bs\":1,\"ap\":1,\"as\":1,\"t\":\"2024-03-08T14:30:00Z\"},"
                + "{\"T\":\"s\",\"S\":\"A\",\"sc\":\"T\",\"sm\":\"Trading Resumption\",\"rc\":\"\",\"rm\":\"\",\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"C\"}]",
                events::add);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).bar()).isNotNull();
        assertThat(events.get(1).deadLetter().reason()).isEqualTo("field 'bp' (bid price) must be a number");
        assertThat(events.get(2).status().statusCode()).isEqualTo("T");
    }

    private void assertDeadLetter(String message, String reason) {
        decoder.decode("[" + message + "]", events::add);
        assertThat(events).singleElement().extracting(FeedEvent::deadLetter)
                .extracting(DeadLetter::reason, DeadLetter::raw)
                .containsExactly(reason.trim(), message);
    }
}
