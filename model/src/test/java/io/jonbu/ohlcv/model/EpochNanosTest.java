package io.jonbu.ohlcv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochNanosTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-03-08T14:30:00Z", "2024-03-08T14:30:00.1Z", "2024-03-08T14:30:00.013450621Z",
        "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2100-03-01T00:00:00.000001Z"
    })
    void fastPathAgreesWithTheJdk(String text) {
        Instant expected = Instant.parse(text);
        assertThat(EpochNanos.parse(text)).isEqualTo(expected.getEpochSecond() * 1_000_000_000L + expected.getNano());
    }

    @Test
    void acceptsOffsetsOtherThanZ() {
        assertThat(EpochNanos.parse("2024-03-08T09:30:00.5-05:00")).isEqualTo(EpochNanos.parse("2024-03-08T14:30:00.5Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-03-08", "2024-13-08T14:30:00Z", "2024-02-30T14:30:00Z",
        "2024-03-08T14:30:00.1234567890Z", "2024-03-08T24:00:00Z", "yesterday", "2300-01-01T00:00:00Z", "1600-01-01T00:00:00+01:00"})
    void rejectsWhatIsNotRfc3339(String text) {
        assertThatThrownBy(() -> EpochNanos.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void formatsWithTheFractionItNeeds() {
        assertThat(EpochNanos.format(EpochNanos.parse("2024-03-08T14:30:00.013450621Z"))).isEqualTo("2024-03-08T14:30:00.013450621Z");
        assertThat(EpochNanos.format(EpochNanos.parse("2024-03-08T14:30:00Z"))).isEqualTo("2024-03-08T14:30:00Z");
    }

    @Test
    void formatWritesWhatTheJdkWritesAcrossTheWholeRange() {
        SplittableRandom random = new SplittableRandom(11);
        long[] edges = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 999_999, 1_000_000, 1_000, -1_000_000_000L,
            EpochNanos.parse("2000-02-29T00:00:00Z"), EpochNanos.parse("2100-02-28T23:59:59.999Z")};
        for (long nanos : edges) {
            assertThat(EpochNanos.format(nanos)).isEqualTo(EpochNanos.toInstant(nanos).toString());
        }
        for (int i = 0; i < 200_000; i++) {
            long nanos = random.nextLong();
            // every fraction width: whole seconds, milli-, micro- and nanoseconds
            long rounded = switch (i % 4) {
                case 0 -> nanos - Math.floorMod(nanos, 1_000_000_000L);
                case 1 -> nanos - Math.floorMod(nanos, 1_000_000L);
                case 2 -> nanos - Math.floorMod(nanos, 1_000L);
                default -> nanos;
            };
            assertThat(EpochNanos.format(rounded)).as("%d", rounded).isEqualTo(EpochNanos.toInstant(rounded).toString());
        }
    }

    @Test
    void formatToWritesTheSameTextAsBytesIntoAReusedBuffer() {
        byte[] text = new byte[EpochNanos.MAX_FORMATTED_LENGTH];
        long longest = EpochNanos.parse("2024-03-08T14:30:00.013450621Z");
        long shortest = EpochNanos.parse("2024-03-08T14:30:00Z");

        assertThat(new String(text, 0, EpochNanos.formatTo(longest, text), StandardCharsets.US_ASCII))
                .isEqualTo("2024-03-08T14:30:00.013450621Z");
        assertThat(new String(text, 0, EpochNanos.formatTo(shortest, text), StandardCharsets.US_ASCII))
                .isEqualTo("2024-03-08T14:30:00Z");
        assertThat(EpochNanos.formatTo(Long.MIN_VALUE + 1, text)).isEqualTo(EpochNanos.format(Long.MIN_VALUE + 1).length());
    }

    @Test
    void millisRoundDown() {
        assertThat(EpochNanos.toMillis(1_999_999)).isEqualTo(1);
        assertThat(EpochNanos.toMillis(-1)).isEqualTo(-1);
    }
}
