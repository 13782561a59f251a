package io.jonbu.ohlcv.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MiniCluster the local stack runs its job on takes the stack's parallelism, checkpoints and buffer timeout. */
class LocalStackEnvironmentTest {

    private static LocalStackConfig withBufferTimeout(Duration bufferTimeout) {
        return new LocalStackConfig(0, 0, null, 0, null, new Feed.Simulated(SimulatorConfig.defaults()), CandleJobConfig.defaults(), 3,
                Duration.ofSeconds(7), LocalStackConfig.LocalKafka.embedded(), false, AlpacaStreamSource.DEFAULT_MAX_BACKFILL, bufferTimeout);
    }

    @TempDir
    Path checkpoints;

    @Test
    void aBufferTimeoutIsTheJobsAndWithoutOneFlinksDefaultStays() {
        StreamExecutionEnvironment flushEveryRecord = LocalStack.environment(withBufferTimeout(Duration.ZERO), checkpoints, new Configuration());
        assertThat(flushEveryRecord.getBufferTimeout()).isZero();
        assertThat(flushEveryRecord.getParallelism()).isEqualTo(3);
        assertThat(flushEveryRecord.getCheckpointConfig().getCheckpointInterval()).isEqualTo(7_000);

        assertThat(LocalStack.environment(withBufferTimeout(Duration.ofMillis(5)), checkpoints, new Configuration()).getBufferTimeout()).isEqualTo(5);
        assertThat(LocalStack.environment(withBufferTimeout(null), checkpoints, new Configuration()).getBufferTimeout()).isEqualTo(100);
    }

    @Test
    void checkpointsGoToFilesNotTheJobManagersFewMegabytesOfMemory() {
        var storage = LocalStack.environment(withBufferTimeout(null), checkpoints, new Configuration()).getCheckpointConfig().getCheckpointStorage();
        assertThat(storage).isInstanceOfSatisfying(FileSystemCheckpointStorage.class,
                files -> assertThat(files.getCheckpointPath().toUri()).isEqualTo(checkpoints.toUri()));
    }

    @Test
    void theWebUiListensOnItsPortAndASavepointToResumeFromIsKept() {
        LocalStackConfig withUi = new LocalStackConfig(0, 18_081, null, 0, null, new Feed.Simulated(SimulatorConfig.defaults()),
                CandleJobConfig.defaults(), 2, Duration.ofSeconds(7), LocalStackConfig.LocalKafka.embedded(), false,
                AlpacaStreamSource.DEFAULT_MAX_BACKFILL, null);
        Configuration resume = new Configuration();
        resume.set(StateRecoveryOptions.SAVEPOINT_PATH, "file:/data/flink/savepoints/savepoint-1");

        var configuration = LocalStack.environment(withUi, checkpoints, resume).getConfiguration();

        assertThat(configuration.get(RestOptions.BIND_PORT)).isEqualTo("18081");
        assertThat(configuration.get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo("file:/data/flink/savepoints/savepoint-1");
    }

    @Test
    void aNegativeBufferTimeoutIsRefused() {
        assertThatThrownBy(() -> withBufferTimeout(Duration.ofMillis(-1))).hasMessageContaining("bufferTimeout");
    }
}
