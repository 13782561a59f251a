package io.jonbu.ohlcv.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketSessionTest {
    @ParameterizedTest
    @CsvSource({
            // summer, EDT (UTC-4)
            "2025-07-14T07:59:59Z, CLOSED",
            "2025-07-14T08:00:00Z, PRE_MARKET",
            "2025-07-14T13:29:59Z, PRE_MARKET",
            "2025-07-14T13:30:00Z, REGULAR",
            "2025-07-14T19:59:00Z, REGULAR",
            "2025-07-14T20:00:00Z, AFTER_HOURS",
            "2025-07-14T23:59:00Z, AFTER_HOURS",
            "2025-07-15T00:00:00Z, CLOSED",
            // winter, EST (UTC-5): the same wall-clock bounds an hour later in UTC
            "2024-03-08T14:29:00Z, PRE_MARKET",
            "2024-03-08T14:30:00Z, REGULAR",
            "2024-03-08T21:00:00Z, AFTER_HOURS",
            // weekend: Saturday 2025-07-12 at 10:30 New York
            "2025-07-12T14:30:00Z, CLOSED",
            // a daily candle starts at New York midnight
            "2025-07-14T04:00:00Z, CLOSED"})
    void sessionIsDecidedByNewYorkWallClockTimeOfTheStart(String instant, MarketSession expected) {
        assertThat(MarketSession.of(EpochNanos.parse(instant))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-10T06:59:59Z, EST, 2024-03-10T01:59:59",
            "2024-03-10T07:00:00Z, EDT, 2024-03-10T03:00",
            "2024-11-03T05:59:59Z, EDT, 2024-11-03T01:59:59",
            "2024-11-03T06:00:00Z, EST, 2024-11-03T01:00"})
    void theClockFollowsNewYorkAcrossDaylightSavingChanges(String instant, String zone, String local) {
        long nanos = EpochNanos.parse(instant);
        assertThat(MarketClock.zoneAbbreviation(nanos)).isEqualTo(zone);
        assertThat(java.time.LocalDateTime.ofEpochSecond(MarketClock.localSeconds(nanos), 0, java.time.ZoneOffset.UTC))
                .hasToString(local);
    }
}
