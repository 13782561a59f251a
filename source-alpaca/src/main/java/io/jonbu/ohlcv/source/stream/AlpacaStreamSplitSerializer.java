package io.jonbu.ohlcv.source.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Version 1: the split id, the symbol count, then each symbol, all as modified UTF-8. */
public final class AlpacaStreamSplitSerializer implements SimpleVersionedSerializer<AlpacaStreamSplit> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(AlpacaStreamSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public AlpacaStreamSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown split version " + version + ", expected " + VERSION);
        }
        return read(new DataInputDeserializer(serialized));
    }

    static void write(AlpacaStreamSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.id());
        out.writeInt(split.symbols().size());
        for (String symbol : split.symbols()) {
            out.writeUTF(symbol);
        }
    }

    static AlpacaStreamSplit read(DataInputView in) throws IOException {
        String id = in.readUTF();
        int count = in.readInt();
        List<String> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(in.readUTF());
        }
        return new AlpacaStreamSplit(id, symbols);
    }
}
