package io.jonbu.ohlcv.model.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlpacaMessageParserTest {
    private static final Path FIXTURES = Path.of("src/test/resources/alpaca");

    private final AlpacaMessageParser parser = new AlpacaMessageParser();
    private final List<Trade> trades = new ArrayList<>();
    private final List<TradeCorrection> corrections = new ArrayList<>();
    private final List<TradeCancel> cancels = new ArrayList<>();
    private final List<ControlMessage> controls = new ArrayList<>();
    private final List<String> malformed = new ArrayList<>();
    private final AlpacaMessageParser.Listener listener = new AlpacaMessageParser.Listener() {
        @Override
        public void onTrade(Trade trade) {
            trades.add(trade);
        }

        @Override
        public void onCorrection(TradeCorrection correction) {
            corrections.add(correction);
        }

        @Override
        public void onCancel(TradeCancel cancel) {
            cancels.add(cancel);
        }

        @Override
        public void onControl(ControlMessage message) {
            controls.add(message);
        }

        @Override
        public void onMalformed(String reason, String raw) {
            malformed.add(reason + " | " + raw);
        }
    };

    @Test
    void readsAWholeRecordedSessionWithoutComplaint() throws IOException {
        Files.readAllLines(FIXTURES.resolve("stream-session.ndjson")).forEach(line -> parser.parse(line, listener));

        assertThat(malformed).isEmpty();
        assertThat(trades).hasSize(3);
        assertThat(trades.get(0)).isEqualTo(new Trade("AAPL", EpochNanos.parse("2024-03-08T14:30:00.013450621Z"),
                187.405, 100, "V", 52983525029461L, new String[] {"@"}, "C"));
        assertThat(trades.get(1).conditions()).containsExactly("@", "I");
        assertThat(controls).extracting(ControlMessage::type).containsExactly("success", "success", "subscription");
        assertThat(controls.get(1).isSuccess("authenticated")).isTrue();
        assertThat(controls.get(2).channel("trades")).containsExactly("AAPL", "MSFT");
        assertThat(controls.get(2).channel("cancelErrors")).containsExactly("AAPL", "MSFT");
    }

    @Test
    void readsTheSessionsCorrectionAndCancelFieldByField() throws IOException {
        Files.readAllLines(FIXTURES.resolve("stream-session.ndjson")).forEach(line -> parser.parse(line, listener));

        long time = EpochNanos.parse("2024-03-08T14:30:00.013450621Z");
        assertThat(corrections).singleElement().satisfies(c -> {
            assertThat(c.original()).isEqualTo(new Trade("AAPL", time, 187.405, 100, "V", 52983525029461L, new String[] {"@"}, "C"));
            assertThat(c.corrected()).isEqualTo(new Trade("AAPL", time, 187.4, 100, "V", 52983525029999L, new String[] {"@"}, "C"));
        });
        assertThat(corrections.get(0).original()).as("the correction names the session's first trade").isEqualTo(trades.get(0));
        assertThat(cancels).containsExactly(new TradeCancel("MSFT", EpochNanos.parse("2024-03-08T14:30:00.014001207Z"), "Q", "C",
                52983525029462L, 409.12, 5, TradeCancel.CANCEL));
    }

    @Test
    void tradesCorrectionsAndCancelsMixedInOneFrameKeepTheirOrderAndConditions() {
        parser.parse("[" + trade("AAPL", 1) + "," + correction("\"oi\":1,\"op\":10.5,\"os\":100,\"oc\":[\"@\"],\"ci\":2,\"cp\":10.6,\"cs\":50,\"cc\":[\"@\",\"I\"]")
                + ",{\"T\":\"x\",\"S\":\"AAPL\",\"i\":2,\"x\":\"V\",\"p\":10.6,\"s\":50,\"a\":\"E\",\"z\":\"C\",\"t\":\"2024-03-08T14:30:00Z\"}]",
                listener);

        assertThat(malformed).isEmpty();
        assertThat(trades).extracting(Trade::id).containsExactly(1L);
        assertThat(corrections).singleElement().satisfies(c -> {
            assertThat(c.originalConditions()).containsExactly("@");
            assertThat(c.correctedConditions()).containsExactly("@", "I");
            assertThat(c.correctedSize()).isEqualTo(50);
        });
        assertThat(cancels).singleElement().extracting(TradeCancel::action).isEqualTo(TradeCancel.ERROR);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"op\":1,\"os\":1,\"ci\":2,\"cp\":1,\"cs\":1'              | missing field 'oi' (original trade id)",
        "'\"oi\":1,\"op\":0,\"os\":1,\"ci\":2,\"cp\":1,\"cs\":1'   | field 'op' (original price) must be a positive number",
        "'\"oi\":1,\"op\":1,\"os\":1,\"ci\":2,\"cs\":1'              | missing field 'cp' (corrected price)",
        "'\"oi\":1,\"op\":1,\"os\":1,\"ci\":2,\"cp\":1,\"cs\":2.5'  | field 'cs' (corrected size) must be a whole number",
        "'\"oi\":1,\"op\":1,\"os\":1,\"cp\":1,\"cs\":1'              | missing field 'ci' (corrected trade id)",
    })
    void namesTheFieldOfACorrectionThatIsWrong(String fields, String reason) {
        String message = correction(fields.trim());
        parser.parse("[" + message + "]", listener);
        assertThat(corrections).isEmpty();
        assertThat(malformed).containsExactly(reason.trim() + " | " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"T\":\"x\",\"S\":\"A\",\"p\":1,\"s\":1,\"a\":\"C\",\"t\":\"2024-03-08T14:30:00Z\"}        | missing field 'i' (trade id)",
        "{\"T\":\"x\",\"S\":\"A\",\"i\":1,\"p\":1,\"s\":1,\"t\":\"2024-03-08T14:30:00Z\"}              | missing field 'a' (action)",
        "{\"T\":\"x\",\"S\":\"A\",\"i\":1,\"p\":1,\"s\":1,\"a\":\"Q\",\"t\":\"2024-03-08T14:30:00Z\"} | field 'a' (action) must be \"C\" or \"E\": \"Q\"",
        "{\"T\":\"x\",\"S\":\"A\",\"i\":1,\"p\":1,\"s\":1,\"a\":\"C\"}                                    | missing field 't' (timestamp)",
    })
    void namesTheFieldOfACancelThatIsWrong(String message, String reason) {
        parser.parse("[" + message.trim() + "]", listener);
        assertThat(cancels).isEmpty();
        assertThat(malformed).containsExactly(reason.trim() + " | " + message.trim());
    }

    @Test
    void readsEveryDocumentedErrorCode() throws IOException {
        Files.readAllLines(FIXTURES.resolve("stream-errors.ndjson")).forEach(line -> parser.parse(line, listener));

        assertThat(malformed).isEmpty();
        assertThat(controls).allMatch(ControlMessage::isError);
        assertThat(controls).extracting(ControlMessage::code)
                .containsExactly(400, 401, 402, 403, 404, 405, 406, 407, 409, 410, 411, 500);
        assertThat(controls.get(2).msg()).isEqualTo("auth failed");
    }

    @Test
    void aSingleObjectLineIsOneMessage() {
        parser.parse("{\"T\":\"t\",\"S\":\"SPY\",\"i\":1,\"x\":\"P\",\"p\":510.1,\"s\":3,\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"B\"}", listener);
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.symbol()).isEqualTo("SPY");
            assertThat(t.conditions()).isEmpty();
        });
    }

    @Test
    void fieldOrderDoesNotMatter() {
        parser.parse("[{\"t\":\"2024-03-08T14:30:00Z\",\"s\":3,\"p\":1.5,\"i\":7,\"S\":\"AAPL\",\"T\":\"t\"}]", listener);
        assertThat(trades).singleElement().extracting(Trade::price).isEqualTo(1.5);
    }

    @Test
    void aBadMessageInABatchIsReportedAloneAndTheOthersSurvive() {
        String bad = "{\"T\":\"t\",\"S\":\"AAPL\",\"i\":2,\"p\":-1,\"s\":5,\"t\":\"2024-03-08T14:30:01Z\"}";
        parser.parse("[" + trade("AAPL", 1) + "," + bad + "," + trade("MSFT", 3) + "]", listener);

        assertThat(trades).extracting(Trade::id).containsExactly(1L, 3L);
        assertThat(malformed).containsExactly("field 'p' (price) must be a positive number | " + bad);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"T\":\"t\",\"i\":1,\"p\":1,\"s\":1,\"t\":\"2024-03-08T14:30:00Z\"}                 | missing field 'S' (symbol)",
        "{\"T\":\"t\",\"S\":\"A\",\"i\":1,\"p\":1,\"s\":1}                                      | missing field 't' (timestamp)",
        "{\"T\":\"t\",\"S\":\"A\",\"i\":1,\"p\":1,\"s\":1,\"t\":\"yesterday\"}                  | field 't' (timestamp) is not RFC 3339: \"yesterday\"",
        "{\"T\":\"t\",\"S\":\"A\",\"i\":1,\"s\":1,\"t\":\"2024-03-08T14:30:00Z\"}                | missing field 'p' (price)",
        "{\"T\":\"t\",\"S\":\"A\",\"i\":1,\"p\":\"x\",\"s\":1,\"t\":\"2024-03-08T14:30:00Z\"}    | field 'p' (price) must be a number",
        "{\"T\":\"t\",\"S\":\"A\",\"i\":1,\"p\":1,\"s\":1.5,\"t\":\"2024-03-08T14:30:00Z\"}      | field 's' (size) must be a whole number",
        "{\"T\":\"t\",\"S\":\"A\",\"i\":1,\"p\":1,\"s\":0,\"t\":\"2024-03-08T14:30:00Z\"}        | field 's' (size) must be positive",
        "{\"T\":\"t\",\"S\":\"A\",\"p\":1,\"s\":1,\"t\":\"2024-03-08T14:30:00Z\"}                | missing field 'i' (trade id)",
        "{\"S\":\"A\"}                                                                          | missing field 'T' (message type)",
        "{\"T\":\"zz\"}                                                                         | unknown message type 'T'=\"zz\"",
    })
    void namesTheFieldThatIsWrong(String message, String reason) {
        parser.parse("[" + message.trim() + "]", listener);
        assertThat(trades).isEmpty();
        assertThat(malformed).containsExactly(reason.trim() + " | " + message.trim());
    }

    @Test
    void textThatIsNotJsonIsReportedWhole() {
        parser.parse("not json", listener);
        parser.parse("", listener);
        parser.parse("42", listener);
        assertThat(malformed).hasSize(3);
        assertThat(malformed.get(0)).startsWith("invalid JSON").endsWith("| not json");
        assertThat(malformed.get(1)).isEqualTo("empty message | ");
        assertThat(malformed.get(2)).isEqualTo("expected a JSON array or object | 42");
    }

    @Test
    void truncatedBatchKeepsTheTradesBeforeTheBreak() {
        parser.parse("[" + trade("AAPL", 1) + ",{\"T\":\"t\",\"S\":", listener);
        assertThat(trades).extracting(Trade::id).containsExactly(1L);
        assertThat(malformed).singleElement().asString().startsWith("invalid JSON").endsWith("| {\"T\":\"t\",\"S\":");
    }

    @Test
    void luldBandsNewsAndImbalancesAreNeitherDataNorErrors() {
        parser.parse("[{\"T\":\"l\",\"S\":\"AAPL\",\"u\":190.1,\"d\":180.2,\"i\":\"B\",\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"C\"},"
                + "{\"T\":\"n\",\"headline\":\"x\"}," + trade("AAPL", 1) + "]", listener);
        assertThat(trades).extracting(Trade::id).containsExactly(1L);
        assertThat(malformed).isEmpty();
    }

    @Test
    void writerOutputReadsBackToTheSameTrades() {
        List<Trade> sent = List.of(
                new Trade("AAPL", EpochNanos.parse("2024-03-08T14:30:00.000000001Z"), 187.41, 200, "K", 9, new String[] {"@", "F"}, "C"),
                new Trade("BRK.B", EpochNanos.parse("2024-03-08T14:30:00.5Z"), 410.0, 1, "N", 10, new String[0], "A"));
        parser.parse(AlpacaMessageWriter.trades(sent), listener);
        assertThat(trades).containsExactlyElementsOf(sent);
    }

    private static String correction(String fields) {
        return "{\"T\":\"c\",\"S\":\"AAPL\",\"x\":\"V\"," + fields + ",\"z\":\"C\",\"t\":\"2024-03-08T14:30:00Z\"}";
    }

    private static String trade(String symbol, long id) {
        return "{\"T\":\"t\",\"S\":\"" + symbol + "\",\"i\":" + id + ",\"x\":\"V\",\"p\":10.5,\"s\":100,\"c\":[\"@\"],\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"C\"}";
    }
}
