package io.jonbu.ohlcv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeframeTest {
    private static long at(String rfc3339) {
        return EpochNanos.parse(rfc3339);
    }

    @Test
    void intradayFramesAlignToUtcEpochMultiples() {
        long t = at("2024-03-08T14:37:12.345678901Z");
        assertThat(Timeframe.M1.start(t)).isEqualTo(at("2024-03-08T14:37:00Z"));
        assertThat(Timeframe.M5.start(t)).isEqualTo(at("2024-03-08T14:35:00Z"));
        assertThat(Timeframe.M15.start(t)).isEqualTo(at("2024-03-08T14:30:00Z"));
        assertThat(Timeframe.H1.start(t)).isEqualTo(at("2024-03-08T14:00:00Z"));
        assertThat(Timeframe.M5.end(Timeframe.M5.start(t))).isEqualTo(at("2024-03-08T14:40:00Z"));
    }

    @Test
    void aTradeExactlyOnABoundaryStartsTheNextCandle() {
        long boundary = at("2024-03-08T14:35:00Z");
        assertThat(Timeframe.M5.start(boundary)).isEqualTo(boundary);
        assertThat(Timeframe.M5.start(boundary - 1)).isEqualTo(at("2024-03-08T14:30:00Z"));
    }

    @Test
    void dailyFrameAlignsToNewYorkMidnightInWinterAndSummer() {
        assertThat(Timeframe.D1.start(at("2024-01-10T15:00:00Z"))).isEqualTo(at("2024-01-10T05:00:00Z"));
        assertThat(Timeframe.D1.start(at("2024-07-10T15:00:00Z"))).isEqualTo(at("2024-07-10T04:00:00Z"));
        // 02:00 UTC on the 11th is still the 10th in New York
        assertThat(Timeframe.D1.start(at("2024-07-11T02:00:00Z"))).isEqualTo(at("2024-07-10T04:00:00Z"));
    }

    @Test
    void dailyCandleOnDstChangeDaysLasts23Or25Hours() {
        long springStart = Timeframe.D1.start(at("2024-03-10T12:00:00Z"));
        assertThat(springStart).isEqualTo(at("2024-03-10T05:00:00Z"));
        assertThat(Duration.ofNanos(Timeframe.D1.end(springStart) - springStart)).isEqualTo(Duration.ofHours(23));

        long fallStart = Timeframe.D1.start(at("2024-11-03T12:00:00Z"));
        assertThat(fallStart).isEqualTo(at("2024-11-03T04:00:00Z"));
        assertThat(Duration.ofNanos(Timeframe.D1.end(fallStart) - fallStart)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void dailyLookupsAlternatingBetweenDaysStayCorrect() {
        long a = at("2024-03-09T20:00:00Z");
        long b = at("2024-03-11T20:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(Timeframe.D1.start(a)).isEqualTo(at("2024-03-09T05:00:00Z"));
            assertThat(Timeframe.D1.start(b)).isEqualTo(at("2024-03-11T04:00:00Z"));
        }
    }

    @Test
    void dailyBoundariesEqualJavaTimesInsideAndOutsideTheCachedYears() {
        LocalDate[][] ranges = {
            {LocalDate.of(1899, 11, 1), LocalDate.of(1900, 3, 1)},
            {LocalDate.of(1969, 12, 1), LocalDate.of(1970, 2, 1)},
            {LocalDate.of(2023, 1, 1), LocalDate.of(2027, 1, 1)},
            {LocalDate.of(2261, 11, 1), LocalDate.of(2262, 3, 1)}};
        for (LocalDate[] range : ranges) {
            for (LocalDate d = range[0]; d.isBefore(range[1]); d = d.plusDays(1)) {
                long midnight = d.atStartOfDay(Timeframe.MARKET_ZONE).toEpochSecond() * 1_000_000_000L;
                long next = d.plusDays(1).atStartOfDay(Timeframe.MARKET_ZONE).toEpochSecond() * 1_000_000_000L;
                for (long t : new long[] {midnight, midnight + 12 * 3600 * 1_000_000_000L, next - 1}) {
                    assertThat(Timeframe.D1.start(t)).as("%s at %d", d, t).isEqualTo(midnight);
                }
                assertThat(Timeframe.D1.end(midnight)).as("%s", d).isEqualTo(next);
            }
        }
    }

    @Test
    void negativeTimesFloorRatherThanTruncate() {
        assertThat(Timeframe.M1.start(-1)).isEqualTo(-60_000_000_000L);
    }

    @Test
    void parsesLabelsAndNamesTheValidOnesOnError() {
        assertThat(Timeframe.parse("15m")).isEqualTo(Timeframe.M15);
        assertThat(Timeframe.parse(" 1D ")).isEqualTo(Timeframe.D1);
        assertThatThrownBy(() -> Timeframe.parse("2m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown timeframe '2m', expected one of 1m, 5m, 15m, 1h, 1d");
    }
}
