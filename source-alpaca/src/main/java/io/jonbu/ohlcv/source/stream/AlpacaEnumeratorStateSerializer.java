package io.jonbu.ohlcv.source.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Version 2: the split count, then each split as {@link AlpacaStreamSplitSerializer} writes it. Version
 * 1 holds splits in that serializer's version 1, without positions, and is still read.
 */
public final class AlpacaEnumeratorStateSerializer implements SimpleVersionedSerializer<AlpacaEnumeratorState> {
    private static final int VERSION = 2;
    private static final int VERSION_WITHOUT_POSITIONS = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(AlpacaEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeInt(state.unassigned().size());
        for (AlpacaStreamSplit split : state.unassigned()) {
            AlpacaStreamSplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public AlpacaEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION && version != VERSION_WITHOUT_POSITIONS) {
            throw new IOException("unknown enumerator state version " + version + ", expected "
                    + VERSION_WITHOUT_POSITIONS + " or " + VERSION);
        }
        int splitVersion = version == VERSION ? AlpacaStreamSplitSerializer.VERSION
                : AlpacaStreamSplitSerializer.VERSION_WITHOUT_POSITIONS;
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        List<AlpacaStreamSplit> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(AlpacaStreamSplitSerializer.read(splitVersion, in));
        }
        return new AlpacaEnumeratorState(splits);
    }
}
