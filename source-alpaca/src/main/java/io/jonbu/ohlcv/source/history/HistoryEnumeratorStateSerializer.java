package io.jonbu.ohlcv.source.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Version 1: the split count, then each split as {@link HistorySplitSerializer} writes it. */
public final class HistoryEnumeratorStateSerializer implements SimpleVersionedSerializer<HistoryEnumeratorState> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(HistoryEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(state.remaining().size());
        for (HistorySplit split : state.remaining()) {
            HistorySplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public HistoryEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown history enumerator state version " + version + ", expected " + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        List<HistorySplit> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(HistorySplitSerializer.read(in));
        }
        return new HistoryEnumeratorState(splits);
    }
}
