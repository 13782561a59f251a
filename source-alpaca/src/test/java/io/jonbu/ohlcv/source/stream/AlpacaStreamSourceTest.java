package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source in a real Flink job on a MiniCluster at parallelism 2, against the simulator. */
class AlpacaStreamSourceTest {
    private static final int PARALLELISM = 2;
    private static final int TRADES = 5_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void jobReceivesExactlyTheTradesTheSimulatorSent() throws Exception {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        SimulatorConfig config = SimulatorConfig.builder().rate(10_000).virtualTime(start, 1).limit(TRADES)
                .waitForSubscriber(true).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config)) {
            List<Trade> received = trades(source(simulator, "secret")).executeAndCollect("alpaca-source-test", TRADES);

            List<Trade> expected = TradeGenerator.emitted(config, TRADES);
            assertThat(bySymbol(received)).isEqualTo(bySymbol(expected));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void refusedCredentialsFailTheJobForGoodNamingTheCode() throws Exception {
        SimulatorConfig keyed = SimulatorConfig.builder().credentials("key", "right").build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(keyed)) {
            DataStream<Trade> trades = trades(source(simulator, "wrong"));
            assertThatThrownBy(() -> trades.executeAndCollect("alpaca-source-refused", 1))
                    .hasStackTraceContaining("Alpaca stream error 402 (auth failed)");
        }
    }

    private static AlpacaStreamSource source(AlpacaSimulator simulator, String secret) {
        return AlpacaStreamSource.builder().url(simulator.url("iex")).credentials("key", secret)
                .symbols(SimulatorConfig.DEFAULT_SYMBOLS).build();
    }

    private static DataStream<Trade> trades(AlpacaStreamSource source) {
        Configuration conf = new Configuration();
        // Trade must travel as a Flink POJO (record), never through Kryo
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // endless restarts: a refusal that Flink retried would hang the refusal test instead of failing the job
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(PARALLELISM);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "alpaca").map(TradesOnly::trade);
    }

    /** Per symbol the order must hold; across symbols nothing promises one. */
    private static Map<String, List<Trade>> bySymbol(List<Trade> trades) {
        return trades.stream().collect(Collectors.groupingBy(Trade::symbol));
    }

    /** Events to trades; anything malformed fails the job. */
    private static final class TradesOnly {
        static Trade trade(FeedEvent event) {
            if (!event.isTrade()) {
                throw new IllegalStateException(event.deadLetter().toString());
            }
            return event.trade();
        }
    }
}
