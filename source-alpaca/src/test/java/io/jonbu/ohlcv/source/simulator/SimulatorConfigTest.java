package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void defaultsMatchTheDocumentedValues() {
        SimulatorConfig config = SimulatorConfig.defaults();
        assertThat(config.port()).isZero();
        assertThat(config.symbols()).containsExactly("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "TSLA", "SPY");
        assertThat(config.rate()).isEqualTo(50);
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.outOfOrderShare()).isEqualTo(0.02);
        assertThat(config.maxDelayMillis()).isEqualTo(1_000);
        assertThat(config.virtualStart()).isNull();
        assertThat(config.limit()).isZero();
        assertThat(config.authTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.historySize()).isEqualTo(100_000);
        assertThat(config.restRateLimit()).isEqualTo(200);
        assertThat(config.restRateWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.correctionShare()).isZero();
        assertThat(config.cancelShare()).isZero();
    }

    @Test
    void stepIsVirtualSecondsPerTrade() {
        assertThat(SimulatorConfig.builder().rate(50).virtualTime(0, 60).build().stepNanos())
                .isEqualTo(1_200_000_000L);
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> SimulatorConfig.builder().port(70_000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> SimulatorConfig.builder().symbols(List.of()).build()).hasMessageContaining("symbols");
        assertThatThrownBy(() -> SimulatorConfig.builder().rate(0).build()).hasMessageContaining("rate");
        assertThatThrownBy(() -> SimulatorConfig.builder().outOfOrder(1.5, 10).build())
                .hasMessageContaining("outOfOrderShare");
        assertThatThrownBy(() -> SimulatorConfig.builder().outOfOrder(0.1, 0).build())
                .hasMessageContaining("maxDelayMillis");
        assertThatThrownBy(() -> SimulatorConfig.builder().virtualTime(0, -1).build()).hasMessageContaining("speed");
        assertThatThrownBy(() -> SimulatorConfig.builder().limit(-1).build()).hasMessageContaining("limit");
        assertThatThrownBy(() -> SimulatorConfig.builder().credentials("key", null).build())
                .hasMessageContaining("key and secret");
        assertThatThrownBy(() -> SimulatorConfig.builder().authTimeout(Duration.ZERO).build())
                .hasMessageContaining("authTimeout");
        assertThatThrownBy(() -> SimulatorConfig.builder().historySize(0).build()).hasMessageContaining("historySize");
        assertThatThrownBy(() -> SimulatorConfig.builder().restRateLimit(0, Duration.ofMinutes(1)).build())
                .hasMessageContaining("restRateLimit");
        assertThatThrownBy(() -> SimulatorConfig.builder().restRateLimit(5, Duration.ZERO).build())
                .hasMessageContaining("restRateWindow");
        assertThatThrownBy(() -> SimulatorConfig.builder().corrections(-0.1).build()).hasMessageContaining("correctionShare");
        assertThatThrownBy(() -> SimulatorConfig.builder().corrections(0.6).cancels(0.5).build())
                .hasMessageContaining("sum <= 1");
    }

    @Test
    void faultsAreValidatedAndAtMostOneOfAKind() {
        assertThatThrownBy(() -> SimulatorFault.disconnectEvery(Duration.ZERO)).hasMessageContaining("disconnect-every");
        assertThatThrownBy(() -> SimulatorFault.silentAfter(Duration.ofSeconds(-1))).hasMessageContaining("silent-after");
        assertThatThrownBy(() -> SimulatorFault.slowClient(0)).hasMessageContaining("slow-client");
        assertThatThrownBy(() -> SimulatorFault.error(999)).hasMessageContaining("999 is not one of Alpaca's stream error codes");
        assertThatThrownBy(() -> SimulatorFault.error(402)).hasMessageContaining("402 is not sent on demand");
        assertThatThrownBy(() -> SimulatorConfig.builder().fault(SimulatorFault.rejectAuth())
                .fault(SimulatorFault.rejectAuth()).build()).hasMessageContaining("at most one of each kind");

        SimulatorConfig config = SimulatorConfig.builder().fault(SimulatorFault.silentAfter(Duration.ofSeconds(10))).build();
        assertThat(config.fault(SimulatorFault.SilentAfter.class)).contains(SimulatorFault.silentAfter(Duration.ofSeconds(10)));
        assertThat(config.fault(SimulatorFault.RejectAuth.class)).isEmpty();
        assertThat(SimulatorConfig.defaults().faults()).isEmpty();
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(SimulatorConfig.builder().credentials("key-id", "hunter2").build().toString()).doesNotContain("hunter2");
    }
}
