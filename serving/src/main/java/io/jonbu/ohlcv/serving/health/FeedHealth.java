package io.jonbu.ohlcv.serving.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The {@code feed} component of {@code /health}, from the live source's latest report per split
 * ({@code feed_status}, written through the job every few seconds): down when the REST client's
 * circuit breaker is open (a gap could not be backfilled now), when a split has been disconnected for
 * longer than {@link #DISCONNECTED_DOWN}, or when the source stopped reporting; idle when there is no
 * live source (a replay, or none started yet).
 */
public final class FeedHealth implements Supplier<HealthReport.Component> {
    /** A report older than this is missed: the source reports every 5 s. */
    static final Duration REPORT_MISSED = Duration.ofSeconds(60);
    /** A split older than this is gone (a job removed or re-split), not down. */
    static final Duration REPORT_GONE = Duration.ofMinutes(10);
    /** A reconnect with backoff takes seconds; longer is an outage. */
    static final Duration DISCONNECTED_DOWN = Duration.ofSeconds(60);
    private static final String REPORTS = "SELECT split, connected, rest_circuit, last_message_at, reported_at FROM feed_status"
            + " WHERE reported_at > ? ORDER BY split";
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Clock clock;

    public FeedHealth(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    private record Report(String split, boolean connected, String circuit, Timestamp lastMessage, Timestamp reported) {}

    @Override
    public HealthReport.Component get() {
        long now = clock.millis();
        List<Report> reports = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REPORTS)) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.setTimestamp(1, new Timestamp(now - REPORT_GONE.toMillis()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reports.add(new Report(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getTimestamp(4), rs.getTimestamp(5)));
                }
            }
        } catch (SQLException e) {
            return HealthReport.Component.down("cannot read the feed's status: " + e.getMessage());
        }
        if (reports.isEmpty()) {
            return HealthReport.Component.idle(null, "no live source has reported");
        }
        long newest = reports.stream().mapToLong(r -> r.reported().getTime()).max().getAsLong();
        double age = Math.max(0, now - newest) / 1000.0;
        List<String> problems = new ArrayList<>();
        for (Report r : reports) {
            long silent = now - r.reported().getTime();
            if (silent > REPORT_MISSED.toMillis()) {
                problems.add("split " + r.split() + " has not reported for " + silent / 1000 + " s");
            } else if ("open".equals(r.circuit())) {
                problems.add("split " + r.split() + ": the REST circuit breaker is open, gap backfills fail until it closes");
            } else if (!r.connected()) {
                long since = r.lastMessage() == null ? Long.MAX_VALUE : now - r.lastMessage().getTime();
                if (since > DISCONNECTED_DOWN.toMillis()) {
                    problems.add("split " + r.split() + " is disconnected" + (r.lastMessage() == null ? ", no message yet"
                            : ", last message " + since / 1000 + " s ago"));
                }
            }
        }
        return problems.isEmpty() ? HealthReport.Component.fresh(age) : HealthReport.Component.down(age, String.join("; ", problems));
    }
}
