package io.jonbu.ohlcv.source.rest;

import java.time.Clock;
import java.time.Duration;

/**
 * Stops hammering a server that keeps failing: after {@code threshold} consecutive failures the
 * circuit opens and requests fail at once; after the cool-down one trial request may pass (half-open),
 * and its outcome closes or reopens the circuit. The client sends one request at a time, so half-open
 * lets exactly one trial through.
 */
final class CircuitBreaker {
    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;
    private int consecutiveFailures;
    private long openedAtMillis = -1;

    CircuitBreaker(int threshold, Duration coolDown, Clock clock) {
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    synchronized CircuitState state() {
        if (openedAtMillis < 0) {
            return CircuitState.CLOSED;
        }
        return clock.millis() - openedAtMillis >= coolDown.toMillis() ? CircuitState.HALF_OPEN : CircuitState.OPEN;
    }

    /** Whether a request may go out now. */
    synchronized boolean allows() {
        return state() != CircuitState.OPEN;
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAtMillis = -1;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        // a failed trial reopens at once: the server has not recovered
        if (consecutiveFailures >= threshold || openedAtMillis >= 0) {
            openedAtMillis = clock.millis();
        }
    }
}
