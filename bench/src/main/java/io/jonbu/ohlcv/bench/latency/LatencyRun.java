package io.jonbu.ohlcv.bench.latency;

import io.jonbu.ohlcv.bench.report.Distribution;
import io.jonbu.ohlcv.cli.local.Feed;
import io.jonbu.ohlcv.cli.local.LocalStack;
import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * One measured run of the live path with one {@link LatencySetting}: a fresh simulator and stack over
 * shared PostgreSQL and Kafka, measured over one or more consecutive windows.
 */
final class LatencyRun {
    private static final Duration FIRST_CANDLE_TIMEOUT = Duration.ofSeconds(60);

    private final LocalStackConfig.ExternalDatabase db;
    private final String kafkaBootstrap;
    private final double rate;
    private final Duration warmUp;
    private final Duration window;
    private final int windows;
    private long seed = 1;

    LatencyRun(LocalStackConfig.ExternalDatabase db, String kafkaBootstrap, double rate, Duration warmUp, Duration window, int windows) {
        this.db = db;
        this.kafkaBootstrap = kafkaBootstrap;
        this.rate = rate;
        this.warmUp = warmUp;
        this.window = window;
        this.windows = windows;
    }

    /**
     * @param millis      per-update latencies
     * @param unmatched   updates no emitted prefix of their minute explains (should be none)
     * @param emittedRate trades per second the simulator emitted over the run
     * @param firstFifth  median latency of the updates in the first fifth of the window
     * @param lastFifth   and in the last fifth: much larger means the job fell behind the feed
     */
    record Result(double[] millis, Distribution distribution, int unmatched, double emittedRate, double firstFifth, double lastFifth) {
        String summary() {
            return String.format(Locale.ROOT, "%d updates, p50 %.1f ms, p99 %.1f ms, max %.1f ms; %,.0f trades/s emitted; "
                            + "median %.1f ms in the first fifth of the window, %.1f ms in the last (%s); %d unmatched",
                    millis.length, distribution.quantile(0.5), distribution.quantile(0.99), distribution.max(), emittedRate,
                    firstFifth, lastFifth, steady() ? "steady" : lastFifth > firstFifth ? "FELL BEHIND: a backlog grew"
                            : "NOT STEADY: still draining a backlog", unmatched);
        }

        /** The latency neither grew nor shrank over the window beyond noise: the path took the rate. */
        boolean steady() {
            return lastFifth <= firstFifth * 1.5 + 20 && firstFifth <= lastFifth * 1.5 + 20;
        }
    }

    /** One result per window, in order. */
    List<Result> measure(LatencySetting setting) throws Exception {
        SimulatorConfig sim = SimulatorConfig.builder().symbols(LiveLatency.SYMBOLS).rate(rate).seed(seed++).outOfOrder(0, 0)
                .waitForSubscriber(true).build();
        List<List<CandleUpdates.Update>> recorded = new ArrayList<>();
        long origin;
        long emitted;
        double seconds;
        try (AlpacaSimulator simulator = AlpacaSimulator.start(sim)) {
            Feed feed = new Feed.Alpaca(simulator.url("iex"), simulator.restUrl(), "bench", "bench", LiveLatency.SYMBOLS);
            LocalStackConfig config = new LocalStackConfig(0, 0, null, 0, db, feed,
                    CandleJobConfig.defaults().withPartialUpdates(LiveLatency.PARTIAL_UPDATES), 2, LiveLatency.CHECKPOINT_INTERVAL,
                    new LocalStackConfig.LocalKafka(kafkaBootstrap, 0, setting.guarantee(), setting.linger()), false,
                    AlpacaStreamSource.DEFAULT_MAX_BACKFILL, setting.bufferTimeout());
            try (LocalStack stack = LocalStack.start(config);
                 CandleUpdates client = CandleUpdates.subscribe(stack.servingPort(), LiveLatency.SYMBOLS)) {
                if (!client.awaitFirstCandle(FIRST_CANDLE_TIMEOUT)) {
                    throw new IllegalStateException("no candle reached the client within " + FIRST_CANDLE_TIMEOUT);
                }
                Thread.sleep(warmUp.toMillis());
                client.record();
                for (int w = 1; w <= windows; w++) {
                    Thread.sleep(windowOf(setting).toMillis());
                    recorded.add(partials(w == windows ? client.stop() : client.cut()));
                }
                origin = simulator.origin().orElseThrow();
                emitted = simulator.emittedCount();
                seconds = (System.currentTimeMillis() - origin / 1_000_000) / 1000.0;
            }
        }
        EmissionRecord emissions = new EmissionRecord(sim, origin, emitted);
        List<Result> results = new ArrayList<>();
        for (List<CandleUpdates.Update> updates : recorded) {
            results.add(result(emissions.of(updates), emitted / seconds));
        }
        return results;
    }

    /**
     * The window, or for exactly-once at least two checkpoint intervals: its updates reach the client
     * only when a checkpoint commits, so a shorter window could hold none.
     */
    Duration windowOf(LatencySetting setting) {
        Duration commits = LiveLatency.CHECKPOINT_INTERVAL.multipliedBy(2);
        return setting.guarantee() == DeliveryGuarantee.EXACTLY_ONCE && window.compareTo(commits) < 0 ? commits : window;
    }

    private static List<CandleUpdates.Update> partials(List<CandleUpdates.Update> updates) {
        return updates.stream().filter(u -> !u.isFinal()).toList();
    }

    private static Result result(EmissionRecord.Latencies latencies, double emittedRate) {
        if (latencies.millis().length == 0) {
            throw new IllegalStateException("no partial update matched the emission record (" + latencies.unmatched() + " unmatched)");
        }
        double[] ms = latencies.millis();
        int fifth = Math.max(1, ms.length / 5);
        return new Result(ms, new Distribution(ms), latencies.unmatched(), emittedRate,
                new Distribution(Arrays.copyOfRange(ms, 0, fifth)).quantile(0.5),
                new Distribution(Arrays.copyOfRange(ms, ms.length - fifth, ms.length)).quantile(0.5));
    }
}
