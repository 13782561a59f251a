package io.jonbu.ohlcv.source.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Alpaca's page shapes from {@code /work/shared/alpaca/fixtures}, copied into the test resources. */
class PageParserTest {

    @Test
    void singleSymbolTradePagesTakeTheSymbolFromTheRequestAndCarryTheToken() throws IOException {
        Page<Trade> first = PageParser.TRADES.parse(fixture("rest-trades-page1.json"), "AAPL");
        Page<Trade> second = PageParser.TRADES.parse(fixture("rest-trades-page2.json"), "AAPL");

        assertThat(first.items()).containsExactly(
                new Trade("AAPL", EpochNanos.parse("2024-03-08T14:30:00.013450621Z"), 187.405, 100, "V",
                        52983525029461L, new String[] {"@"}, "C"),
                new Trade("AAPL", EpochNanos.parse("2024-03-08T14:30:00.500000000Z"), 187.41, 200, "K",
                        52983525033527L, new String[] {"@", "F"}, "C"));
        assertThat(first.nextPageToken()).isEqualTo("QUFQTHwyMDI0LTAzLTA4VDE0OjMwOjAwLjUwMDAwMDAwMFp8NTI5ODM1MjUwMzM1Mjc=");
        assertThat(second.items()).containsExactly(
                new Trade("AAPL", EpochNanos.parse("2024-03-08T14:30:01.250000000Z"), 187.39, 50, "Q",
                        52983525040001L, new String[] {"@", "I"}, "C"));
        assertThat(second.nextPageToken()).isNull();
    }

    @Test
    void multiSymbolBarPagesTakeTheSymbolFromTheKey() throws IOException {
        Page<AlpacaBar> page = PageParser.BARS.parse(fixture("rest-bars.json"), null);

        assertThat(page.items()).containsExactly(
                new AlpacaBar("AAPL", EpochNanos.parse("2024-03-08T14:31:00Z"), 187.39, 187.52, 187.31, 187.47,
                        41_230, 512, 187.428811),
                new AlpacaBar("AAPL", EpochNanos.parse("2024-03-08T14:32:00Z"), 187.46, 187.6, 187.44, 187.58,
                        38_811, 467, 187.519904));
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void symbolAfterTheArrayAndNullItemsAreFine() throws IOException {
        String body = "{\"trades\":[{\"t\":\"2024-03-08T14:30:00Z\",\"x\":\"V\",\"p\":1.5,\"s\":3,\"c\":null,\"i\":9,\"z\":\"C\"}],"
                + "\"symbol\":\"AAPL\",\"next_page_token\":null}";
        Page<Trade> page = PageParser.TRADES.parse(text(body), "AAPL");
        assertThat(page.items()).extracting(Trade::symbol, Trade::price, Trade::size).containsExactly(
                tuple("AAPL", 1.5, 3L));
        assertThat(PageParser.TRADES.parse(text("{\"trades\":null,\"next_page_token\":null}"), null).items()).isEmpty();
    }

    @Test
    void aTradeWithoutTimestampIsRejected() {
        assertThatThrownBy(() -> PageParser.TRADES.parse(text("{\"trades\":[{\"p\":1.5,\"s\":3}]}"), "AAPL"))
                .isInstanceOf(IOException.class).hasMessageContaining("'t'");
    }

    private static InputStream fixture(String name) {
        return PageParserTest.class.getResourceAsStream("/alpaca/" + name);
    }

    private static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
