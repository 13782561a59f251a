package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class AlpacaStreamSourceBuilderTest {
    private static final List<String> SEVEN = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "TSLA", "SPY");

    private static AlpacaStreamSource.Builder valid() {
        return AlpacaStreamSource.builder().url("wss://stream.data.alpaca.markets/v2/iex")
                .credentials("key-id", "hunter2").symbols(SEVEN);
    }

    @Test
    void allSymbolsShareOneSplitByDefault() {
        assertThat(valid().build().splits()).containsExactly(new AlpacaStreamSplit("alpaca-0", SEVEN));
    }

    @Test
    void symbolsPerSplitGroupsSymbolsInOrder() {
        assertThat(valid().symbolsPerSplit(3).build().splits()).containsExactly(
                new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT", "NVDA")),
                new AlpacaStreamSplit("alpaca-1", List.of("AMZN", "GOOGL", "TSLA")),
                new AlpacaStreamSplit("alpaca-2", List.of("SPY")));
    }

    @Test
    void duplicateSymbolsAreStreamedOnce() {
        assertThat(valid().symbols(List.of("AAPL", "MSFT", "AAPL")).build().splits())
                .containsExactly(new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT")));
    }

    @Test
    void sourceIsUnboundedAndSurvivesJavaSerializationWithoutShowingTheSecret() throws Exception {
        AlpacaStreamSource source = valid().symbolsPerSplit(2).build();
        AlpacaStreamSource copy = InstantiationUtil.clone(source);
        assertThat(copy.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(copy.splits()).isEqualTo(source.splits());
        assertThat(copy.toString()).doesNotContain("hunter2").doesNotContain("key-id");
    }

    @Test
    void invalidSettingsAreRejectedNamingWhatIsWrong() {
        assertThatThrownBy(() -> valid().url("https://stream.data.alpaca.markets/v2/iex").build()).hasMessageContaining("url");
        assertThatThrownBy(() -> valid().credentials("key-id", "").build()).hasMessageContaining("credentials");
        assertThatThrownBy(() -> valid().symbols(List.of()).build()).hasMessageContaining("symbols");
        assertThatThrownBy(() -> valid().symbolsPerSplit(0).build()).hasMessageContaining("symbolsPerSplit");
        assertThatThrownBy(() -> valid().reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
                .hasMessageContaining("reconnectBackoff");
        assertThatThrownBy(() -> valid().restUrl("data.alpaca.markets").build()).hasMessageContaining("restUrl");
        assertThatThrownBy(() -> valid().dedupHorizon(Duration.ZERO).build()).hasMessageContaining("dedupHorizon");
        assertThatThrownBy(() -> valid().catchUpThreshold(Duration.ZERO).build()).hasMessageContaining("catchUpThreshold");
        assertThatThrownBy(() -> valid().maxBackfill(Duration.ofHours(-1)).build()).hasMessageContaining("maxBackfill");
        assertThatThrownBy(() -> valid().reconcileLookback(Duration.ofMinutes(-5)).build()).hasMessageContaining("reconcileLookback");
    }

    @Test
    void withASymbolDirectoryTheSourceMayStartWithoutSymbolsAndSurvivesSerialization() throws Exception {
        AlpacaStreamSource source = valid().symbols(List.of())
                .symbolDirectory(() -> Set.of("AAPL"), Duration.ofSeconds(5)).build();

        assertThat(source.splits()).isEmpty();
        assertThat(source.splitCount()).as("one reader for the split the first poll makes").isEqualTo(1);
        assertThat(InstantiationUtil.clone(source).toString()).contains("every 5000 ms");
        assertThatThrownBy(() -> valid().symbolDirectory(() -> Set.of(), Duration.ZERO).build())
                .hasMessageContaining("symbolDirectory");
    }

    @Test
    void backfillsComeFromAlpacasHistoricalHostWithinAFiveSecondHorizonByDefault() {
        assertThat(valid().build().toString()).contains("restUrl=https://data.alpaca.markets", "dedupHorizon=PT5S",
                "catchUpThreshold=PT1M", "maxBackfill=PT72H", "reconcileLookback=PT5M");
    }

    @Test
    void theRestFeedIsTheStreamsFeedWhenTheHistoricalApiKnowsIt() {
        assertThat(Backfiller.restFeed("wss://stream.data.alpaca.markets/v2/iex")).isEqualTo("iex");
        assertThat(Backfiller.restFeed("wss://stream.data.alpaca.markets/v2/sip/")).isEqualTo("sip");
        assertThat(Backfiller.restFeed("wss://stream.data.sandbox.alpaca.markets/v2/delayed_sip")).isEqualTo("delayed_sip");
        assertThat(Backfiller.restFeed("ws://127.0.0.1:8765/v2/iex?x=1")).isEqualTo("iex");
        // the test stream's FAKEPACA has no feed of its own on the historical side: the API's default
        assertThat(Backfiller.restFeed("wss://stream.data.alpaca.markets/v2/test")).isNull();
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterInTheUpperHalf() {
        StreamSettings settings = new StreamSettings("ws://x", "http://x", "k", "s", Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(3), Duration.ZERO);
        assertThat(settings.backoffMillis(0, 0)).isEqualTo(50);
        assertThat(settings.backoffMillis(0, 0.999)).isBetween(99L, 100L);
        assertThat(settings.backoffMillis(3, 0)).isEqualTo(400);
        assertThat(settings.backoffMillis(10, 0.999)).isBetween(1_990L, 2_000L);
        assertThat(settings.backoffMillis(1_000, 0)).isEqualTo(1_000);
    }
}
