package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.source.simulator.SimulatorFault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultConverterTest {
    private final FaultConverter converter = new FaultConverter();

    @Test
    void readsEachKindWithItsValue() {
        assertThat(converter.convert("disconnect-every=30s")).isEqualTo(SimulatorFault.disconnectEvery(Duration.ofSeconds(30)));
        assertThat(converter.convert("silent-after=500ms")).isEqualTo(SimulatorFault.silentAfter(Duration.ofMillis(500)));
        assertThat(converter.convert("silent-after=1m")).isEqualTo(SimulatorFault.silentAfter(Duration.ofMinutes(1)));
        assertThat(converter.convert("slow-client")).isEqualTo(SimulatorFault.slowClient());
        assertThat(converter.convert("slow-client=20")).isEqualTo(SimulatorFault.slowClient(20));
        assertThat(converter.convert("reject-auth")).isEqualTo(SimulatorFault.rejectAuth());
        assertThat(converter.convert("error=406")).isEqualTo(SimulatorFault.error(406));
    }
}
