package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.SimulatorFault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorOptionsTest {

    @Test
    void repeatedFaultsAddUpAndSharesReachTheSimulatorsConfig() {
        SimulatorOptions options = new SimulatorOptions();
        CommandLine.populateCommand(options, "--fault", "disconnect-every=10s", "--fault", "slow-client",
                "--corrections", "0.01", "--cancels", "0.02");
        SimulatorConfig config = options.toBuilder(0).build();
        assertThat(config.faults())
                .containsExactly(SimulatorFault.disconnectEvery(Duration.ofSeconds(10)), SimulatorFault.slowClient());
        assertThat(config.correctionShare()).isEqualTo(0.01);
        assertThat(config.cancelShare()).isEqualTo(0.02);
    }
}
