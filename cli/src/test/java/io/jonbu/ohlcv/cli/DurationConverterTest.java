package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsEveryUnitFromMillisecondsToDays() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(converter.convert("5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("3d")).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void anUnknownUnitIsRejectedWithTheFormsItTakes() {
        assertThatThrownBy(() -> converter.convert("3w")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'3w'").hasMessageContaining("3d");
    }
}
