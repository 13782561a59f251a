package io.jonbu.ohlcv.serving.health;

import io.jonbu.ohlcv.model.MarketSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The {@code job} component of {@code /health}: how long ago the job last wrote a 1m candle of a
 * tracked symbol (wall-clock time of the write, so a replay or a simulator on a virtual clock counts
 * as fresh). Stale during New York's regular session is {@code down}: the job or its feed has stopped.
 * Stale outside it is {@code idle}, not down: nights, weekends and thin pre-market hours have no
 * trades, and a load balancer must not pull every instance then.
 */
public final class JobFreshness implements Supplier<HealthReport.Component> {
    /** Newest 1m candle of each active symbol by the primary key, so one index probe a symbol. */
    private static final String NEWEST = "SELECT max(c.updated_at) FROM symbols s CROSS JOIN LATERAL"
            + " (SELECT updated_at FROM candles WHERE symbol = s.symbol AND timeframe = '1m' ORDER BY start_time DESC LIMIT 1) c"
            + " WHERE s.active";
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Duration staleAfter;
    private final Clock clock;

    /** @param staleAfter how old the newest candle may be: a few candle lengths plus the sink's and the checkpoints' delay */
    public JobFreshness(DataSource dataSource, Duration staleAfter, Clock clock) {
        this.dataSource = dataSource;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    @Override
    public HealthReport.Component get() {
        Timestamp newest;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(NEWEST)) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                newest = rs.getTimestamp(1);
            }
        } catch (SQLException e) {
            return HealthReport.Component.down("cannot read the newest candle: " + e.getMessage());
        }
        if (newest == null) {
            return HealthReport.Component.idle(null, "no tracked symbol has a 1m candle yet");
        }
        long nowMillis = clock.millis();
        double ageSeconds = Math.max(0, nowMillis - newest.getTime()) / 1000.0;
        if (ageSeconds <= staleAfter.toSeconds()) {
            return HealthReport.Component.fresh(ageSeconds);
        }
        String stale = "no new 1m candle for " + Math.round(ageSeconds) + " s (more than " + staleAfter.toSeconds() + " s)";
        return MarketSession.of(nowMillis * 1_000_000L) == MarketSession.REGULAR
                ? HealthReport.Component.down(ageSeconds, stale + " during the regular session")
                : HealthReport.Component.idle(ageSeconds, stale + ", outside the regular session");
    }
}
