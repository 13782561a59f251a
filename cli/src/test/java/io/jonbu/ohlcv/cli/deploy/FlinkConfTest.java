package io.jonbu.ohlcv.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flink-conf/config.yaml holds only real Flink 1.20 keys, and Flink reads the values meant. */
class FlinkConfTest {
    static final String FILE = "flink-conf/config.yaml";
    private static final FlinkOptionKeys FLINK = FlinkOptionKeys.onClasspath();

    @Test
    void everyKeyIsAFlinkOption() {
        Map<String, String> keys = DeployFiles.flatten(DeployFiles.yaml(FILE));

        assertThat(FLINK.size()).as("options found in flink-core").isGreaterThan(300);
        assertThat(keys).hasSizeGreaterThan(20);
        assertThat(FLINK.unknown(keys.keySet())).as("keys of %s Flink does not define", FILE).isEmpty();
    }

    @Test
    void misspeltKeysAreCaughtWhileFallbackAndReporterKeysPass() {
        Map<String, String> keys = DeployFiles.flatten(DeployFiles.parseYaml("""
                execution.checkpointing.intervall: 30 s
                pipeline.generic-type: false
                metrics.reporter.prom.prot: 9249
                restart-strategy:
                  exponential-delay:
                    backof-multiplier: 2.0
                state.backend: hashmap
                state.checkpoints.dir: file:///tmp/cp
                metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
                metrics.reporter.prom.port: 9249
                """));

        assertThat(FLINK.unknown(keys.keySet())).containsExactly(
                "execution.checkpointing.intervall", "pipeline.generic-type", "metrics.reporter.prom.prot",
                "restart-strategy.exponential-delay.backof-multiplier");
    }

    @Test
    void flinkLoadsTheFileWithTheIntendedTypedValues() {
        Configuration conf = GlobalConfiguration.loadConfiguration(DeployFiles.path("flink-conf").toString());

        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).startsWith("file:///");
        assertThat(conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).startsWith("file:///");
        assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF)).isEqualTo(Duration.ofMinutes(1));
        assertThat(conf.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(conf.get(PipelineOptions.MAX_PARALLELISM)).isEqualTo(128);
        assertThat(conf.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(2);
        assertThat(conf.toMap()).containsEntry("metrics.reporter.prom.port", "9249")
                .containsEntry("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    }

    @Test
    void theTaskManagerMemoryBudgetAddsUpWithRoomForTheHeap() {
        Configuration conf = GlobalConfiguration.loadConfiguration(DeployFiles.path("flink-conf").toString());

        // Flink's own derivation, as a TaskManager does at start: it throws when the parts exceed the whole
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(conf);

        assertThat(spec.getTotalProcessMemorySize()).isEqualTo(MemorySize.parse("1536m"));
        assertThat(spec.getTaskHeapSize().getMebiBytes()).as("task heap, where the hashmap backend keeps state").isGreaterThan(400);
    }

    @Test
    void aValueFlinkCannotReadFailsWhenRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "execution.checkpointing.interval: thirty seconds\n");

        Configuration conf = GlobalConfiguration.loadConfiguration(dir.toString());

        assertThatThrownBy(() -> conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isInstanceOf(IllegalArgumentException.class);
    }
}
