package io.jonbu.ohlcv.source.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when the client sleeps (or the test advances it), and remembers every sleep. */
final class FakeTime extends Clock implements Sleeper {
    private final AtomicLong millis;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeTime(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        millis.addAndGet(duration.toMillis());
    }

    void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    List<Duration> sleeps() {
        return sleeps;
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a fake clock stays in UTC");
    }
}
