package io.jonbu.ohlcv.job.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionVwapTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void matchesAPlainLoopOverEachNewYorkDay() {
        CandleSeries s = CandleSeries.random(1, 5000);
        SessionVwap vwap = new SessionVwap();
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            double actual = vwap.update(s.candles.get(i));
            LocalDate day = newYorkDay(s.candles.get(i));
            days.add(day);
            int first = i;
            while (first > 0 && newYorkDay(s.candles.get(first - 1)).equals(day)) {
                first--;
            }
            double notional = 0;
            double volume = 0;
            for (int j = first; j <= i; j++) {
                notional += s.candles.get(j).vwap() * s.candles.get(j).volume();
                volume += s.candles.get(j).volume();
            }
            double expected = notional / volume;
            assertThat(actual).as("vwap at %d", i).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        }
        assertThat(days).as("sessions crossed, over the DST change").hasSizeGreaterThan(15);
    }

    @Test
    void resetsAtNewYorkMidnightNotAtUtcMidnight() {
        SessionVwap vwap = new SessionVwap();
        assertThat(vwap.update(candle("2024-03-08T18:55:00-05:00", 10, 100))).isEqualTo(10);
        // 00:00 UTC, still the same New York day
        assertThat(vwap.update(candle("2024-03-08T19:00:00-05:00", 20, 300))).isEqualTo(17.5);
        assertThat(vwap.update(candle("2024-03-09T00:00:00-05:00", 30, 50))).isEqualTo(30);
    }

    @Test
    void sessionWithoutVolumeYetHasNoVwap() {
        SessionVwap vwap = new SessionVwap();
        assertThat(vwap.update(candle("2024-03-08T15:00:00-05:00", 10, 100))).isEqualTo(10);
        assertThat(vwap.update(candle("2024-03-09T09:30:00-05:00", Double.NaN, 0))).isNaN();
        assertThat(vwap.update(candle("2024-03-09T09:35:00-05:00", 12, 10))).isEqualTo(12);
    }

    private static LocalDate newYorkDay(Candle c) {
        return Instant.ofEpochSecond(0, c.start()).atZone(NEW_YORK).toLocalDate();
    }

    private static Candle candle(String start, double vwap, long volume) {
        long nanos = OffsetDateTime.parse(start).toEpochSecond() * 1_000_000_000L;
        long end = nanos + Timeframe.M5.nominalNanos();
        return new Candle("TEST", Timeframe.M5, nanos, end, vwap, vwap, vwap, vwap, volume, volume > 0 ? 1 : 0, vwap,
                true, 0);
    }
}
