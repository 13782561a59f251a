package io.jonbu.ohlcv.source.rest;

/** The REST client's circuit breaker, as a health check reports it. */
public enum CircuitState {
    /** Requests flow. */
    CLOSED,
    /** Too many consecutive failures: requests fail at once until the cool-down ends. */
    OPEN,
    /** The cool-down ended: the next request is a trial that closes or reopens the circuit. */
    HALF_OPEN
}
