package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import io.jonbu.ohlcv.model.alpaca.Channel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** What a connection subscribes to: trades always, and the channels asked for, in Alpaca's order. */
class StreamSettingsChannelsTest {

    @Test
    void theSubscribeMessageNamesTradesAndEveryChannelForTheSameSymbols() {
        StreamSettings settings = settings(EnumSet.of(Channel.STATUSES, Channel.QUOTES, Channel.DAILY_BARS));
        assertThat(AlpacaMessageWriter.action("subscribe", settings.subscription(List.of("AAPL", "MSFT"))))
                .isEqualTo("{\"action\":\"subscribe\",\"trades\":[\"AAPL\",\"MSFT\"],\"quotes\":[\"AAPL\",\"MSFT\"],"
                        + "\"dailyBars\":[\"AAPL\",\"MSFT\"],\"statuses\":[\"AAPL\",\"MSFT\"]}");
    }

    @Test
    void withoutChannelsOnlyTradesAreSubscribed() {
        assertThat(settings(Set.of()).subscription(List.of("AAPL"))).containsOnlyKeys("trades");
    }

    @Test
    void theSourceKeepsItsChannelsThroughSerializationAndShowsThem() throws Exception {
        AlpacaStreamSource source = AlpacaStreamSource.builder().url("ws://127.0.0.1:1/v2/iex").credentials("k", "s")
                .symbols(List.of("AAPL")).channels(Set.of(Channel.BARS, Channel.UPDATED_BARS)).build();
        assertThat(InstantiationUtil.clone(source).toString()).contains("channels=trades,bars,updatedBars");
        assertThatThrownBy(() -> AlpacaStreamSource.builder().url("ws://127.0.0.1:1/v2/iex").credentials("k", "s")
                .symbols(List.of("AAPL")).channels(null).build())
                .hasMessage("channels: must be a set (empty for trades only), was null");
    }

    private static StreamSettings settings(Set<Channel> channels) {
        return new StreamSettings("ws://x", "http://x", "k", "s", Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(3), Duration.ZERO, channels);
    }
}
