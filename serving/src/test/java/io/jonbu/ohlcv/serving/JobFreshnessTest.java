package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.serving.health.HealthReport;
import io.jonbu.ohlcv.serving.health.JobFreshness;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job component of /health, judged by when the job last wrote a 1m candle of a tracked symbol. */
class JobFreshnessTest {
    /** Wednesday 2024-03-13 15:00 New York: the regular session. */
    private static final Instant REGULAR = Instant.parse("2024-03-13T19:00:00Z");
    /** Saturday 2024-03-16 15:00 New York: the market is closed. */
    private static final Instant WEEKEND = Instant.parse("2024-03-16T19:00:00Z");

    private static Candle oneMinute(String symbol, String start) {
        long s = EpochNanos.parse(start);
        return new Candle(symbol, Timeframe.M1, s, Timeframe.M1.end(s), 1, 1, 1, 1, 1, 1, 1, true, 0);
    }

    private static void writtenAt(EmbeddedDatabase db, String symbol, Instant at) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE candles SET updated_at = '" + at + "' WHERE symbol = '" + symbol + "'");
        }
    }

    private static JobFreshness at(EmbeddedDatabase db, Instant now) {
        return new JobFreshness(db.dataSource(), Duration.ofMinutes(3), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void freshWhileTheNewestCandleIsYoungDownWhenStaleInTheRegularSessionIdleOutsideIt() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            assertThat(at(db, REGULAR).get().status()).as("no candle yet").isEqualTo("idle");

            CandleRows.track(db.dataSource(), "FRESH");
            CandleRows.track(db.dataSource(), "OLD");
            CandleRows.insert(db.dataSource(), List.of(oneMinute("FRESH", "2024-03-13T18:58:00Z"), oneMinute("OLD", "2024-03-13T17:00:00Z")));
            writtenAt(db, "FRESH", REGULAR.minusSeconds(40));
            writtenAt(db, "OLD", REGULAR.minusSeconds(7200));

            HealthReport.Component fresh = at(db, REGULAR).get();
            assertThat(fresh.status()).isEqualTo("up");
            assertThat(fresh.ageS()).as("the newest of the tracked symbols").isEqualTo(40.0);

            writtenAt(db, "FRESH", REGULAR.minusSeconds(600));
            HealthReport.Component stale = at(db, REGULAR).get();
            assertThat(stale.status()).isEqualTo("down");
            assertThat(stale.ageS()).isEqualTo(600.0);
            assertThat(stale.error()).contains("no new 1m candle for 600 s").contains("regular session");

            assertThat(at(db, WEEKEND.plusSeconds(0)).get().status()).as("nothing trades on a Saturday").isEqualTo("idle");

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE symbols SET active = false");
            }
            assertThat(at(db, REGULAR).get().status()).as("untracked symbols do not count").isEqualTo("idle");
        }
    }

    @Test
    void healthShowsTheJobComponentAndStaysOkWhileTheJobIsFreshOrIdle() throws Exception {
        try (RunningServer serving = RunningServer.start()) {
            JsonNode idle = serving.api.get("/api/v1/health").json();
            assertThat(idle.get("status").asText()).isEqualTo("ok");
            assertThat(idle.at("/components/job/status").asText()).isEqualTo("idle");

            CandleRows.track(serving.db.dataSource(), "LIVE");
            CandleRows.insert(serving.db.dataSource(), List.of(oneMinute("LIVE", "2024-03-13T18:58:00Z")));
            JsonNode fresh = serving.api.get("/api/v1/health").json();
            assertThat(fresh.at("/components/job/status").asText()).isEqualTo("up");
            assertThat(fresh.at("/components/job/age_s").asDouble()).isBetween(0.0, 60.0);
        }
    }
}
