package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

/**
 * The channels asked for besides trades, against the simulator over real WebSockets through a proxy
 * that can cut the connection: they arrive, follow live symbol changes, and are asked for again on
 * every reconnect; the channels not asked for never come.
 */
class AlpacaStreamChannelsTest {
    private static final AlpacaStreamSplit SPLIT = new AlpacaStreamSplit("alpaca-0", List.of("AAPL"));
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final EnumSet<Channel> CHANNELS = EnumSet.of(Channel.QUOTES, Channel.BARS, Channel.STATUSES);

    private final AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("test");

    @Test
    void channelsArriveFollowSymbolChangesAndAreSubscribedAgainAfterAReconnect() throws Exception {
        // a virtual minute per wall second, so minute bars close every second
        SimulatorConfig config = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT", "NVDA")).rate(300)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), 60).statusEvery(31).build();
        AtomicReference<List<String>> symbols = new AtomicReference<>(List.of("AAPL"));
        Map<String, StreamConnection> connections = new ConcurrentHashMap<>();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config);
             CuttingProxy proxy = new CuttingProxy(simulator.port())) {
            StreamSettings settings = new StreamSettings("ws://127.0.0.1:" + proxy.port() + "/v2/iex", "http://127.0.0.1:1",
                    "k", "s", Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(5),
                    Duration.ofMinutes(1), Duration.ofDays(3), Duration.ZERO, CHANNELS);
            AlpacaStreamSplitReader reader = new AlpacaStreamSplitReader(settings, new SplitProgress() {
                @Override
                public long resumeFrom(String splitId) {
                    return AlpacaSplitState.NOTHING_EMITTED;
                }

                @Override
                public List<String> symbols(String splitId) {
                    return symbols.get();
                }
            }, new BackfillMetrics(new SimpleCounter(), new SimpleCounter(), new SimpleCounter()), connections);
            try {
                reader.handleSplitsChanges(new SplitsAddition<>(List.of(SPLIT)));
                fetchUntil(reader, e -> e.quote() != null && e.symbol().equals("AAPL"));
                fetchUntil(reader, e -> e.bar() != null && e.symbol().equals("AAPL"));
                fetchUntil(reader, e -> e.status() != null && e.symbol().equals("AAPL"));

                symbols.set(List.of("AAPL", "MSFT"));
                connections.get(SPLIT.id()).resubscribe();
                fetchUntil(reader, e -> e.quote() != null && e.symbol().equals("MSFT"));
                fetchUntil(reader, e -> e.bar() != null && e.symbol().equals("MSFT"));

                proxy.cutAll();
                long deadline = System.nanoTime() + DEADLINE.toNanos();
                while (proxy.accepted() < 2 && System.nanoTime() < deadline) {
                    reader.fetch();
                }
                assertThat(proxy.accepted()).as("connections after the cut").isGreaterThanOrEqualTo(2);
                fetchUntil(reader, e -> e.quote() != null && e.symbol().equals("MSFT"));
                fetchUntil(reader, e -> e.bar() != null && e.symbol().equals("AAPL"));
                fetchUntil(reader, e -> e.status() != null);

                symbols.set(List.of("MSFT"));
                connections.get(SPLIT.id()).resubscribe();
                fetchFor(reader, Duration.ofMillis(300), e -> true);
                fetchFor(reader, Duration.ofMillis(1500), e -> e.deadLetter() == null && !"AAPL".equals(e.symbol())
                        && !"NVDA".equals(e.symbol()));
            } finally {
                reader.close();
            }
        }
    }

    /** Fetches until an event matches; no event may be of a channel not asked for, or a dead letter. */
    private void fetchUntil(AlpacaStreamSplitReader reader, Predicate<FeedEvent> wanted) throws IOException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            for (FeedEvent event : fetch(reader)) {
                assertNotUnasked(event);
                if (wanted.test(event)) {
                    return;
                }
            }
        }
        throw new AssertionError("no wanted event within " + DEADLINE);
    }

    /** Fetches for {@code time}; every event must satisfy {@code allowed}. */
    private void fetchFor(AlpacaStreamSplitReader reader, Duration time, Predicate<FeedEvent> allowed) throws IOException {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            for (FeedEvent event : fetch(reader)) {
                assertNotUnasked(event);
                assertThat(allowed.test(event)).as("event %s", event).isTrue();
            }
        }
    }

    private static void assertNotUnasked(FeedEvent event) {
        assertThat(event.deadLetter()).as("every message decodes").isNull();
        if (event.bar() != null) {
            assertThat(event.bar().kind()).as("only minute bars were asked for").isEqualTo(ProviderBar.Kind.BAR);
        }
    }

    private List<FeedEvent> fetch(AlpacaStreamSplitReader reader) throws IOException {
        List<FeedEvent> events = new ArrayList<>();
        RecordsWithSplitIds<Arrival> records = reader.fetch();
        for (String split = records.nextSplit(); split != null; split = records.nextSplit()) {
            for (Arrival arrival = records.nextRecordFromSplit(); arrival != null; arrival = records.nextRecordFromSplit()) {
                if (arrival.frame() != null) {
                    decoder.decode(arrival.frame(), events::add);
                }
            }
        }
        return events;
    }
}
