package io.jonbu.ohlcv.source.rest;

import java.time.Duration;

/** How the client waits between attempts; tests pass one that advances a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
