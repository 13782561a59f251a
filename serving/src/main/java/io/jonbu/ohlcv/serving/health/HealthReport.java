package io.jonbu.ohlcv.serving.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The body of {@code GET /api/v1/health}: overall status and one entry per dependency. */
public record HealthReport(String status, Map<String, Component> components) {
    static final String UP = "up";
    static final String DOWN = "down";
    static final String OK = "ok";

    /** @param latencyMs present when measured; {@code error} present when down */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String status, @JsonProperty("latency_ms") Double latencyMs, String error) {
        public static Component up(double latencyMs) {
            return new Component(UP, latencyMs, null);
        }

        /** Up, for a component that is watched rather than probed, so has no latency to report. */
        public static Component up() {
            return new Component(UP, null, null);
        }

        public static Component down(String error) {
            return new Component(DOWN, null, error);
        }

        boolean isUp() {
            return UP.equals(status);
        }
    }
}
