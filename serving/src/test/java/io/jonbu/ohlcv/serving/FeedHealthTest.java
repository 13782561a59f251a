package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.serving.health.FeedHealth;
import io.jonbu.ohlcv.serving.health.HealthReport;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The feed component of /health, from the live source's reports in feed_status. */
class FeedHealthTest {
    private static final Instant NOW = Instant.parse("2024-03-13T19:00:00Z");

    private static void report(EmbeddedDatabase db, String split, boolean connected, String circuit, Integer messageSecondsAgo,
            int reportedSecondsAgo) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO feed_status VALUES (?, ?, ?, 4, ?, ?) ON CONFLICT (split) DO UPDATE SET connected = EXCLUDED.connected,"
                        + " rest_circuit = EXCLUDED.rest_circuit, last_message_at = EXCLUDED.last_message_at, reported_at = EXCLUDED.reported_at")) {
            s.setString(1, split);
            s.setBoolean(2, connected);
            s.setString(3, circuit);
            s.setTimestamp(4, messageSecondsAgo == null ? null : Timestamp.from(NOW.minusSeconds(messageSecondsAgo)));
            s.setTimestamp(5, Timestamp.from(NOW.minusSeconds(reportedSecondsAgo)));
            s.executeUpdate();
        }
    }

    private static HealthReport.Component health(EmbeddedDatabase db) {
        return new FeedHealth(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC)).get();
    }

    @Test
    void upWhileConnectedDownWhenTheCircuitOpensOrTheStreamStaysDownOrReportsStop() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            assertThat(health(db).status()).as("no live source").isEqualTo("idle");

            report(db, "alpaca-0", true, "closed", 1, 3);
            report(db, "alpaca-1", true, "closed", 2, 4);
            HealthReport.Component up = health(db);
            assertThat(up.status()).isEqualTo("up");
            assertThat(up.ageS()).as("the newest report").isEqualTo(3.0);

            report(db, "alpaca-1", false, "closed", 5, 1);
            assertThat(health(db).status()).as("just dropped: reconnecting").isEqualTo("up");

            report(db, "alpaca-1", true, "open", 1, 1);
            HealthReport.Component open = health(db);
            assertThat(open.status()).isEqualTo("down");
            assertThat(open.error()).contains("split alpaca-1: the REST circuit breaker is open");

            report(db, "alpaca-1", true, "half_open", 1, 1);
            assertThat(health(db).status()).as("a trial request may pass").isEqualTo("up");

            report(db, "alpaca-1", false, "closed", 90, 2);
            assertThat(health(db).error()).contains("split alpaca-1 is disconnected, last message 90 s ago");

            report(db, "alpaca-1", true, "closed", 1, 1);
            report(db, "alpaca-0", true, "closed", 1, 120);
            assertThat(health(db).error()).contains("split alpaca-0 has not reported for 120 s");

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE feed_status SET reported_at = reported_at - interval '1 hour'");
            }
            assertThat(health(db).status()).as("splits gone an hour ago are not a live source").isEqualTo("idle");
        }
    }
}
