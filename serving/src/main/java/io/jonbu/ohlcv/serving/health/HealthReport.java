package io.jonbu.ohlcv.serving.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The body of {@code GET /api/v1/health}: overall status and one entry per dependency. */
public record HealthReport(String status, Map<String, Component> components) {
    static final String UP = "up";
    static final String IDLE = "idle";
    static final String DOWN = "down";
    static final String OK = "ok";

    /**
     * @param status    {@code up}, {@code down}, or {@code idle} (working, nothing to do: not down)
     * @param latencyMs present when measured
     * @param ageS      the age of the newest data, for a component judged by it
     * @param error     present when down or idle, saying why
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String status, @JsonProperty("latency_ms") Double latencyMs, @JsonProperty("age_s") Double ageS,
            String error) {
        public static Component up(double latencyMs) {
            return new Component(UP, latencyMs, null, null);
        }

        /** Up, for a component that is watched rather than probed, so has no latency to report. */
        public static Component up() {
            return new Component(UP, null, null, null);
        }

        /** Up, with the age of its newest data. */
        public static Component fresh(double ageSeconds) {
            return new Component(UP, null, ageSeconds, null);
        }

        public static Component idle(Double ageSeconds, String why) {
            return new Component(IDLE, null, ageSeconds, why);
        }

        public static Component down(String error) {
            return new Component(DOWN, null, null, error);
        }

        public static Component down(double ageSeconds, String error) {
            return new Component(DOWN, null, ageSeconds, error);
        }

        boolean isDown() {
            return DOWN.equals(status);
        }
    }
}
