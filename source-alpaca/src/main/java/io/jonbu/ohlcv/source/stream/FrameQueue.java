package io.jonbu.ohlcv.source.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;

/**
 * Hands frames (and backfilled trades) from the okhttp reader and backfill threads to the fetcher thread. Bounded for the producers: a full
 * queue blocks the okhttp thread, which then stops reading its socket, so backpressure reaches the
 * server instead of frames being dropped. A wake-up and a fatal error bypass the bound, so the fetcher
 * never waits behind frames to hear of them.
 */
final class FrameQueue<T> {
    private record Frame<T>(String splitId, T item) {}

    /** Compared by identity: carries no item. */
    private final Frame<T> wakeUp = new Frame<>("", null);
    /** How often a blocked producer looks whether the queue was closed under it. */
    private static final long CLOSE_CHECK_MILLIS = 100;

    private final LinkedBlockingQueue<Frame<T>> frames = new LinkedBlockingQueue<>();
    private final Semaphore space;
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private volatile boolean closed;

    FrameQueue(int capacity) {
        this.space = new Semaphore(capacity);
    }

    /** Blocks while the queue is full; false when it was closed instead. */
    boolean put(String splitId, T item) throws InterruptedException {
        while (!space.tryAcquire(CLOSE_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
            if (closed) {
                return false;
            }
        }
        if (closed) {
            space.release();
            return false;
        }
        frames.add(new Frame<>(splitId, item));
        return true;
    }

    /** Adds without waiting; false when the queue is full or closed (a report that can wait for the next one). */
    boolean offer(String splitId, T item) {
        if (closed || !space.tryAcquire()) {
            return false;
        }
        frames.add(new Frame<>(splitId, item));
        return true;
    }

    /** Makes the next (or the current) {@link #drainTo} throw {@code e}. */
    void fail(IOException e) {
        failure.compareAndSet(null, e);
        frames.add(wakeUp);
    }

    /** Ends the current {@link #drainTo} wait early. */
    void wakeUp() {
        frames.add(wakeUp);
    }

    /** Releases blocked and future producers; frames still queued are dropped with the reader. */
    void close() {
        closed = true;
    }

    /**
     * Waits up to {@code timeout} for a frame, then takes whatever else is queued, up to {@code max}
     * frames in all.
     *
     * @return the number of frames added to {@code records}
     * @throws IOException a connection's fatal error
     */
    int drainTo(RecordsBySplits.Builder<T> records, int max, Duration timeout) throws IOException {
        throwIfFailed();
        Frame<T> first;
        try {
            first = frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        if (first == null) {
            return 0;
        }
        List<Frame<T>> batch = new ArrayList<>();
        batch.add(first);
        frames.drainTo(batch, max - 1);
        int count = 0;
        for (Frame<T> frame : batch) {
            if (frame != wakeUp) {
                records.add(frame.splitId(), frame.item());
                count++;
            }
        }
        space.release(count);
        throwIfFailed();
        return count;
    }

    private void throwIfFailed() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
