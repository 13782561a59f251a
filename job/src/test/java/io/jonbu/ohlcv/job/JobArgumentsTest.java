package io.jonbu.ohlcv.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.java.utils.ParameterTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void aConfigFileGivesTheFlagsValuesAndAFlagBeatsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("job.yaml"), """
                db-url: jdbc:postgresql://db:5432/jonbu
                symbols: [AAPL, MSFT]
                kafka-bootstrap: broker:9092
                partial-updates-ms: 500
                """);

        ParameterTool params = JobArguments.parse("--config", file.toString(), "--partial-updates-ms", "250");

        assertThat(params.get("db-url")).isEqualTo("jdbc:postgresql://db:5432/jonbu");
        assertThat(params.get("symbols")).isEqualTo("AAPL,MSFT");
        assertThat(params.getLong("partial-updates-ms")).as("the flag").isEqualTo(250);
        assertThat(CandleJobMain.kafka(params)).get().satisfies(k -> assertThat(k.bootstrapServers()).isEqualTo("broker:9092"));
    }

    @Test
    void everyUnknownNameInTheFileAndTheFlagsIsReportedAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("job.yaml"), """
                db-url: jdbc:postgresql://db/jonbu
                symbol: [AAPL]
                kafka: {bootstrap: broker:9092}
                """);

        assertThatThrownBy(() -> JobArguments.parse("--config", file.toString(), "--partial-update-ms", "250"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("--partial-update-ms: unknown setting")
                .hasMessageContaining(file + ": symbol: unknown setting")
                .hasMessageContaining(file + ": kafka: expected a value or a list of values");
        assertThatThrownBy(() -> JobArguments.parse("--config", dir.resolve("missing.yaml").toString()))
                .hasMessageContaining("missing.yaml: cannot be read as YAML");
    }

    @Test
    void withoutAFileTheFlagsAreAllThereIs() {
        ParameterTool params = JobArguments.parse("--db-url", "jdbc:postgresql://localhost/jonbu", "--symbols-from-db");
        assertThat(params.get("db-url")).isEqualTo("jdbc:postgresql://localhost/jonbu");
        assertThat(params.has("symbols-from-db")).isTrue();
    }
}
