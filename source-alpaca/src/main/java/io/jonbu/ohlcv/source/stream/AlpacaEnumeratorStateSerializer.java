package io.jonbu.ohlcv.source.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Version 3: the unassigned split count, then each split as {@link AlpacaStreamSplitSerializer} writes
 * it; then the split count of {@link AlpacaEnumeratorState#splitSymbols()}, and per split its id, its
 * symbol count and each symbol, in split order. Version 2 ends after the unassigned splits; version 1
 * also holds them in the split serializer's version 1, without positions. Both are still read, with
 * no split symbols.
 */
public final class AlpacaEnumeratorStateSerializer implements SimpleVersionedSerializer<AlpacaEnumeratorState> {
    private static final int VERSION = 3;
    private static final int VERSION_WITHOUT_SYMBOLS = 2;
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
        out.writeInt(state.splitSymbols().size());
        for (Map.Entry<String, List<String>> split : state.splitSymbols().entrySet()) {
            out.writeUTF(split.getKey());
            out.writeInt(split.getValue().size());
            for (String symbol : split.getValue()) {
                out.writeUTF(symbol);
            }
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public AlpacaEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version < VERSION_WITHOUT_POSITIONS || version > VERSION) {
            throw new IOException("unknown enumerator state version " + version + ", expected "
                    + VERSION_WITHOUT_POSITIONS + " to " + VERSION);
        }
        int splitVersion = version == VERSION_WITHOUT_POSITIONS ? AlpacaStreamSplitSerializer.VERSION_WITHOUT_POSITIONS
                : AlpacaStreamSplitSerializer.VERSION;
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        List<AlpacaStreamSplit> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(AlpacaStreamSplitSerializer.read(splitVersion, in));
        }
        Map<String, List<String>> splitSymbols = new LinkedHashMap<>();
        if (version == VERSION) {
            int splitCount = in.readInt();
            for (int s = 0; s < splitCount; s++) {
                String id = in.readUTF();
                int symbolCount = in.readInt();
                List<String> symbols = new ArrayList<>(symbolCount);
                for (int i = 0; i < symbolCount; i++) {
                    symbols.add(in.readUTF());
                }
                splitSymbols.put(id, symbols);
            }
        }
        return new AlpacaEnumeratorState(splits, splitSymbols);
    }
}
