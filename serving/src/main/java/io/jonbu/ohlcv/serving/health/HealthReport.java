package io.jonbu.ohlcv.serving.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The body of {@code GET /api/v1/health}: overall status and one entry per dependency. */
public record HealthReport(String status, Map<String, Component> components) {
    static final String UP = "up";
    static final String DOWN = "down";
    static final String OK = "ok";

    /** @param latencyMs present when up; {@code error} present when down */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String status, @JsonProperty("latency_ms") Double latencyMs, String error) {
        static Component up(double latencyMs) {
            return new Component(UP, latencyMs, null);
        }

        static Component down(String error) {
            return new Component(DOWN, null, error);
        }

        boolean isUp() {
            return UP.equals(status);
        }
    }
}
