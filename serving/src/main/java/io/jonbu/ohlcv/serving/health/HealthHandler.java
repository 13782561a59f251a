package io.jonbu.ohlcv.serving.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health}: 200 when the database answers a trivial query and no other component
 * reports down, 503 otherwise, so a load balancer takes an instance without its database (or, with the
 * WebSocket stream, without its Kafka feed, or whose job stopped writing candles) out of rotation.
 */
public final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    // a probe that hangs is as bad as one that fails: probes time out after a few seconds
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Map<String, Supplier<HealthReport.Component>> others;

    public HealthHandler(DataSource dataSource) {
        this(dataSource, Map.of());
    }

    /** @param others components besides the database, by name; each supplier answers at once */
    public HealthHandler(DataSource dataSource, Map<String, Supplier<HealthReport.Component>> others) {
        this.dataSource = dataSource;
        this.others = Map.copyOf(others);
    }

    public void handle(Context ctx) {
        Map<String, HealthReport.Component> components = new TreeMap<>();
        components.put("database", database());
        others.forEach((name, component) -> components.put(name, component.get()));
        boolean up = components.values().stream().noneMatch(HealthReport.Component::isDown);
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(new HealthReport(up ? HealthReport.OK : HealthReport.DOWN, components));
    }

    private HealthReport.Component database() {
        long began = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            s.execute("SELECT 1");
            // whole microseconds: finer digits are noise from the clock and the scheduler
            return HealthReport.Component.up((System.nanoTime() - began) / 1_000 / 1_000.0);
        } catch (SQLException e) {
            LOG.warn("database health check failed: {}", e.getMessage());
            return HealthReport.Component.down(e.getMessage());
        }
    }
}
