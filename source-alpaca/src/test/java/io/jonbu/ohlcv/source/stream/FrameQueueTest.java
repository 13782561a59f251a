package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.junit.jupiter.api.Test;

class FrameQueueTest {

    @Test
    void wakeUpEndsTheWaitAtOnce() throws Exception {
        FrameQueue<String> queue = new FrameQueue<>(4);
        CompletableFuture.runAsync(queue::wakeUp, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        assertThat(queue.drainTo(new RecordsBySplits.Builder<>(), 10, Duration.ofSeconds(30))).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void fullQueueBlocksTheProducerUntilTheFetcherDrains() throws Exception {
        FrameQueue<String> queue = new FrameQueue<>(2);
        queue.put("s", "1");
        queue.put("s", "2");
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.put("s", "3");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(third).isNotDone();

        RecordsBySplits.Builder<String> records = new RecordsBySplits.Builder<>();
        assertThat(queue.drainTo(records, 10, Duration.ofSeconds(1))).isEqualTo(2);
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
        RecordsBySplits<String> batch = records.build();
        assertThat(batch.nextSplit()).isEqualTo("s");
        assertThat(batch.nextRecordFromSplit()).isEqualTo("1");
        assertThat(batch.nextRecordFromSplit()).isEqualTo("2");
    }

    @Test
    void closingReleasesABlockedProducer() throws Exception {
        FrameQueue<String> queue = new FrameQueue<>(1);
        queue.put("s", "1");
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.put("s", "2");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        queue.close();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void failureIsThrownToTheFetcher() {
        FrameQueue<String> queue = new FrameQueue<>(1);
        queue.fail(AlpacaStreamException.of(402, "auth failed", "alpaca-0", "ws://x"));
        assertThatThrownBy(() -> queue.drainTo(new RecordsBySplits.Builder<>(), 1, Duration.ofSeconds(1)))
                .isInstanceOf(AlpacaStreamException.class).hasMessageContaining("402");
    }
}
