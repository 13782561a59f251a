package io.jonbu.ohlcv.bench.tape;

import io.jonbu.ohlcv.model.FeedEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * A FLIP-27 source over feed events already in memory, for the benchmarks: the array is split into
 * {@code stripes} interleaved stripes (stripe {@code i} holds events {@code i, i + stripes, ...}), so
 * every reader walks the whole time range at the same pace, as the readers of a real feed do, and
 * event time advances evenly. The array stays in this JVM's {@link #register registry} and the
 * source names it by key: a MiniCluster runs in the same process, so the job graph carries a key,
 * not millions of events to serialize. An endless source's readers stay open after their stripes,
 * idle, so a job keeps its state until cancelled (for the memory benchmark's checkpoint).
 */
public final class ArrayTradeSource implements Source<FeedEvent, ArrayTradeSource.Stripe, List<ArrayTradeSource.Stripe>> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, FeedEvent[]> ARRAYS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> EMITTED = new ConcurrentHashMap<>();

    private final String key;
    private final int stripes;
    private final boolean endless;

    public ArrayTradeSource(String key, int stripes, boolean endless) {
        if (!ARRAYS.containsKey(key)) {
            throw new IllegalArgumentException("no events registered as " + key);
        }
        this.key = key;
        this.stripes = stripes;
        this.endless = endless;
    }

    /** Keeps {@code events} for sources in this JVM to read; returns their key. */
    public static String register(FeedEvent[] events) {
        String key = UUID.randomUUID().toString();
        ARRAYS.put(key, events);
        EMITTED.put(key, new LongAdder());
        return key;
    }

    public static void unregister(String key) {
        ARRAYS.remove(key);
        EMITTED.remove(key);
    }

    /** Events of {@code key} the readers have emitted so far, counted as each reader finishes a stripe. */
    public static long emitted(String key) {
        return EMITTED.get(key).sum();
    }

    /** @param position the next event of this stripe to emit: the stripe's state in a checkpoint */
    public record Stripe(int index, long position) implements SourceSplit {
        @Override
        public String splitId() {
            return "stripe-" + index;
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return endless ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Stripe, List<Stripe>> createEnumerator(SplitEnumeratorContext<Stripe> context) {
        List<Stripe> all = new ArrayList<>();
        for (int i = 0; i < stripes; i++) {
            all.add(new Stripe(i, i));
        }
        return new Enumerator(context, all);
    }

    @Override
    public SplitEnumerator<Stripe, List<Stripe>> restoreEnumerator(SplitEnumeratorContext<Stripe> context, List<Stripe> remaining) {
        return new Enumerator(context, remaining);
    }

    @Override
    public SourceReader<FeedEvent, Stripe> createReader(SourceReaderContext context) {
        return new Reader(context, ARRAYS.get(key), EMITTED.get(key), stripes, endless);
    }

    @Override
    public SimpleVersionedSerializer<Stripe> getSplitSerializer() {
        return new StripeSerializer();
    }

    @Override
    public SimpleVersionedSerializer<List<Stripe>> getEnumeratorCheckpointSerializer() {
        return new StripesSerializer();
    }

    /** Hands each reader that asks the next unassigned stripe, or tells it there are no more. */
    private static final class Enumerator implements SplitEnumerator<Stripe, List<Stripe>> {
        private final SplitEnumeratorContext<Stripe> context;
        private final ArrayDeque<Stripe> unassigned;

        Enumerator(SplitEnumeratorContext<Stripe> context, Collection<Stripe> unassigned) {
            this.context = context;
            this.unassigned = new ArrayDeque<>(unassigned);
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtask, String hostname) {
            Stripe next = unassigned.poll();
            if (next != null) {
                context.assignSplit(next, subtask);
            } else {
                context.signalNoMoreSplits(subtask);
            }
        }

        @Override
        public void addSplitsBack(List<Stripe> splits, int subtask) {
            unassigned.addAll(splits);
        }

        @Override
        public void addReader(int subtask) {}

        @Override
        public List<Stripe> snapshotState(long checkpointId) {
            return new ArrayList<>(unassigned);
        }

        @Override
        public void close() {}
    }

    /** Emits its stripes' events one per poll, asking for another stripe when one is done. */
    private static final class Reader implements SourceReader<FeedEvent, Stripe> {
        private final SourceReaderContext context;
        private final FeedEvent[] events;
        private final LongAdder emitted;
        private final int stripes;
        private final boolean endless;
        private final ArrayDeque<Stripe> assigned = new ArrayDeque<>();
        private Stripe current;
        private long position;
        private long emittedOfStripe;
        private boolean noMoreStripes;
        private CompletableFuture<Void> available = new CompletableFuture<>();

        Reader(SourceReaderContext context, FeedEvent[] events, LongAdder emitted, int stripes, boolean endless) {
            this.context = context;
            this.events = events;
            this.emitted = emitted;
            this.stripes = stripes;
            this.endless = endless;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<FeedEvent> output) {
            if (current == null && !assigned.isEmpty()) {
                current = assigned.poll();
                position = current.position();
            }
            if (current == null) {
                if (noMoreStripes && !endless) {
                    return InputStatus.END_OF_INPUT;
                }
                available = new CompletableFuture<>();
                return InputStatus.NOTHING_AVAILABLE;
            }
            output.collect(events[(int) position]);
            emittedOfStripe++;
            position += stripes;
            if (position >= events.length) {
                // counted per stripe, not per event: the count is for waiting on, and must cost the run nothing
                emitted.add(emittedOfStripe);
                emittedOfStripe = 0;
                current = null;
                context.sendSplitRequest();
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Stripe> snapshotState(long checkpointId) {
            List<Stripe> state = new ArrayList<>();
            if (current != null) {
                state.add(new Stripe(current.index(), position));
            }
            state.addAll(assigned);
            return state;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        @Override
        public void addSplits(List<Stripe> splits) {
            assigned.addAll(splits);
            available.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreStripes = true;
            available.complete(null);
        }

        @Override
        public void close() {}
    }

    private static final class StripeSerializer implements SimpleVersionedSerializer<Stripe> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Stripe stripe) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(12);
            out.writeInt(stripe.index());
            out.writeLong(stripe.position());
            return out.getCopyOfBuffer();
        }

        @Override
        public Stripe deserialize(int version, byte[] bytes) throws IOException {
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            return new Stripe(in.readInt(), in.readLong());
        }
    }

    private static final class StripesSerializer implements SimpleVersionedSerializer<List<Stripe>> {
        private final StripeSerializer stripe = new StripeSerializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<Stripe> stripes) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(4 + 12 * stripes.size());
            out.writeInt(stripes.size());
            for (Stripe s : stripes) {
                out.write(stripe.serialize(s));
            }
            return out.getCopyOfBuffer();
        }

        @Override
        public List<Stripe> deserialize(int version, byte[] bytes) throws IOException {
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            int n = in.readInt();
            List<Stripe> stripes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                stripes.add(new Stripe(in.readInt(), in.readLong()));
            }
            return stripes;
        }
    }
}
