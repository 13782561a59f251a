package io.jonbu.ohlcv.serving.stream;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the WebSocket stream since the server started, for a {@code /metrics} endpoint and for
 * tests. Adders rather than atomics: the Kafka thread and every client's send callbacks count at once.
 */
public final class StreamMetrics {
    private final AtomicInteger clients = new AtomicInteger();
    private final LongAdder records = new LongAdder();
    private final LongAdder malformedRecords = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder slowDisconnects = new LongAdder();

    /** Clients connected now. */
    public int clients() {
        return clients.get();
    }

    /** Kafka records read (each is encoded once, whatever the number of clients). */
    public long records() {
        return records.sum();
    }

    /** Kafka records that were not a candle's JSON, skipped. */
    public long malformedRecords() {
        return malformedRecords.sum();
    }

    /** Objects (updates and control messages) written to clients. */
    public long sent() {
        return sent.sum();
    }

    /** WebSocket messages written to clients, each an array of one or more of the {@link #sent} objects. */
    public long frames() {
        return frames.sum();
    }

    /** Partial updates replaced in a client's queue by a newer one of the same candle before being sent. */
    public long coalesced() {
        return coalesced.sum();
    }

    /** Updates not queued for a client because its queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Clients disconnected for staying behind past the limit. */
    public long slowDisconnects() {
        return slowDisconnects.sum();
    }

    void connected() {
        clients.incrementAndGet();
    }

    void disconnected() {
        clients.decrementAndGet();
    }

    void record() {
        records.increment();
    }

    void malformedRecord() {
        malformedRecords.increment();
    }

    void sent(int objects) {
        sent.add(objects);
        frames.increment();
    }

    void coalescedOne() {
        coalesced.increment();
    }

    void droppedOne() {
        dropped.increment();
    }

    void slowDisconnect() {
        slowDisconnects.increment();
    }
}
