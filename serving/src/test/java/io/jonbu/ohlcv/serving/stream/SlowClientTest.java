package io.jonbu.ohlcv.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Backpressure on real sockets: a client that stops reading has its partial updates coalesced, then
 * updates dropped, and is disconnected once behind for longer than the limit, while a client that
 * reads gets every final candle, in order, at the pace the candles come.
 */
class SlowClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CAPACITY = 256;
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final int CANDLES_PER_ROUND = 50;
    private static final int PADDING = 8 * 1024;

    @Test
    void aClientThatStopsReadingIsCoalescedDroppedAndDisconnectedWhileAFastOneGetsEveryFinalCandleInOrder() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary(); EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            try (var admin = kafka.admin()) {
                CandleProducer.createTopics(admin, 1);
            }
            CandleStreamSettings settings = CandleStreamSettings.of(kafka.bootstrapServers()).withBackpressure(CAPACITY, LIMIT);
            try (ServingServer server = new ServingServer(db.dataSource(), 0, settings);
                    CandleProducer producer = new CandleProducer(kafka.bootstrapServers())) {
                int port = server.start();
                StreamMetrics metrics = server.streamMetrics().orElseThrow();
                try (StreamClient fast = StreamClient.connect(port); StreamClient slow = StreamClient.stalled(port)) {
                    String subscription = "{\"action\":\"subscribe\",\"candles\":[\"SLOW\"],\"timeframes\":[\"1m\"]}";
                    fast.send(subscription);
                    fast.until(m -> m.get("T").asText().equals("subscription"), WAIT);
                    slow.send(subscription);
                    slow.until(m -> m.get("T").asText().equals("subscription"), WAIT);

                    // each candle as two partial updates and then its final; a round at a time, each
                    // taken in full by the fast client before the next, so the fast client is never
                    // more than a round (150 messages) behind: well inside its queue
                    List<Candle> finals = new ArrayList<>();
                    List<JsonNode> received = new ArrayList<>();
                    long began = System.nanoTime();
                    long deadline = began + Duration.ofSeconds(15).toNanos();
                    int n = 0;
                    while (metrics.slowDisconnects() == 0 && System.nanoTime() < deadline) {
                        for (int k = 0; k < CANDLES_PER_ROUND; k++, n++) {
                            producer.sendPadded(CandleProducer.candle("SLOW", Timeframe.M1, n, 1, false), PADDING);
                            producer.sendPadded(CandleProducer.candle("SLOW", Timeframe.M1, n, 2, false), PADDING);
                            Candle last = CandleProducer.candle("SLOW", Timeframe.M1, n, 3, true);
                            producer.sendPadded(last, PADDING);
                            finals.add(last);
                        }
                        producer.flush();
                        Candle roundEnd = finals.get(finals.size() - 1);
                        received.addAll(fast.until(m -> CandleStreamTest.candle(m).equals(roundEnd), WAIT));
                    }
                    double seconds = (System.nanoTime() - began) / 1e9;
                    System.out.printf("fast client: %d messages (%d MiB) in %.2f s, %.0f messages/s; the slow one was dropped after %d"
                                    + " candles; sent %d, coalesced %d, dropped %d%n", received.size(),
                            (long) received.size() * PADDING / (1 << 20), seconds, received.size() / seconds, n, metrics.sent(),
                            metrics.coalesced(), metrics.dropped());

                    assertThat(metrics.slowDisconnects()).as("slow clients disconnected").isEqualTo(1);
                    assertThat(metrics.coalesced()).as("coalesced updates").isPositive();
                    assertThat(metrics.dropped()).as("dropped updates").isPositive();
                    List<Candle> got = CandleStreamTest.candles(received);
                    assertThat(got.stream().filter(Candle::isFinal).toList()).containsExactlyElementsOf(finals);
                    assertNoUpdateOlderThanOneBefore(got);

                    slow.resume();
                    assertThat(slow.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("close code, -1 for a cut connection")
                            .isIn(1008, -1);
                    long until = System.nanoTime() + WAIT.toNanos();
                    while (metrics.clients() > 1 && System.nanoTime() < until) {
                        Thread.sleep(50);
                    }
                    assertThat(metrics.clients()).as("clients left connected").isEqualTo(1);
                }
            }
        }
    }

    /** Partial updates may be coalesced for the fast client too, but never reordered: volumes only grow. */
    private static void assertNoUpdateOlderThanOneBefore(List<Candle> candles) {
        Map<Long, Long> newest = new HashMap<>();
        for (Candle c : candles) {
            Long before = newest.put(c.start(), c.volume());
            assertThat(before == null || before < c.volume()).as("update %s after volume %s", c, before).isTrue();
        }
    }
}
