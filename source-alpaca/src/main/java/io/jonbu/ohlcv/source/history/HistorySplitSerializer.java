package io.jonbu.ohlcv.source.history;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Version 1: symbol (modified UTF-8), start, end, emitted (longs). */
public final class HistorySplitSerializer implements SimpleVersionedSerializer<HistorySplit> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(HistorySplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(48);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public HistorySplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown history split version " + version + ", expected " + VERSION);
        }
        return read(new DataInputDeserializer(serialized));
    }

    static void write(HistorySplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.symbol());
        out.writeLong(split.start());
        out.writeLong(split.end());
        out.writeLong(split.emitted());
    }

    static HistorySplit read(DataInputView in) throws IOException {
        return new HistorySplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
    }
}
