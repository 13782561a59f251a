package io.jonbu.ohlcv.source.conformance;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * An {@link AlpacaStreamSource} running in a Flink job on the test's MiniCluster, its events collected
 * on a thread of their own so a test can wait for a condition with a deadline instead of blocking on
 * the next event, and see the job's failure if it fails.
 */
final class RunningSource implements AutoCloseable {
    private final List<FeedEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final CloseableIterator<FeedEvent> iterator;
    private final Thread drain;

    RunningSource(AlpacaStreamSource source) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // endless restarts: a refusal that Flink retried would show as more connections, not as a failed job
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        iterator = env.fromSource(source, WatermarkStrategy.noWatermarks(), "alpaca").executeAndCollect("conformance");
        drain = new Thread(() -> {
            try {
                iterator.forEachRemaining(events::add);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        }, "collect-feed-events");
        drain.setDaemon(true);
        drain.start();
    }

    List<FeedEvent> events() {
        return List.copyOf(events);
    }

    List<Trade> trades() {
        return events.stream().filter(FeedEvent::isTrade).map(FeedEvent::trade).toList();
    }

    /** Waits until {@code condition} holds; false on timeout. */
    boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    boolean running() {
        return !ended.isDone();
    }

    /** How the job ended: its failure, or null if it finished; throws on timeout. */
    Throwable awaitEnd(Duration timeout) throws Exception {
        return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        iterator.close();
        drain.join(5_000);
    }
}
