package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.source.stream.SymbolPosition.SeenTrade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Version 2: the split id, the symbol count, then each symbol, all as modified UTF-8; then the
 * position count, and per position its symbol, latest event time, recent-trade count and each
 * recent trade as exchange, id and event time. Version 1 (before positions) is still read, as a
 * split with no positions, so a savepoint taken before backfills existed restores and starts live.
 */
public final class AlpacaStreamSplitSerializer implements SimpleVersionedSerializer<AlpacaStreamSplit> {
    static final int VERSION = 2;
    static final int VERSION_WITHOUT_POSITIONS = 1;

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
        return read(version, new DataInputDeserializer(serialized));
    }

    static void write(AlpacaStreamSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.id());
        out.writeInt(split.symbols().size());
        for (String symbol : split.symbols()) {
            out.writeUTF(symbol);
        }
        out.writeInt(split.positions().size());
        for (Map.Entry<String, SymbolPosition> entry : split.positions().entrySet()) {
            out.writeUTF(entry.getKey());
            SymbolPosition position = entry.getValue();
            out.writeLong(position.latestEventTime());
            out.writeInt(position.recent().size());
            for (SeenTrade trade : position.recent()) {
                out.writeUTF(trade.exchange());
                out.writeLong(trade.id());
                out.writeLong(trade.eventTime());
            }
        }
    }

    static AlpacaStreamSplit read(int version, DataInputView in) throws IOException {
        if (version != VERSION && version != VERSION_WITHOUT_POSITIONS) {
            throw new IOException("unknown split version " + version + ", expected " + VERSION_WITHOUT_POSITIONS
                    + " or " + VERSION);
        }
        String id = in.readUTF();
        int count = in.readInt();
        List<String> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(in.readUTF());
        }
        if (version == VERSION_WITHOUT_POSITIONS) {
            return new AlpacaStreamSplit(id, symbols);
        }
        int positionCount = in.readInt();
        Map<String, SymbolPosition> positions = new HashMap<>(positionCount * 2);
        for (int p = 0; p < positionCount; p++) {
            String symbol = in.readUTF();
            long latest = in.readLong();
            int recentCount = in.readInt();
            List<SeenTrade> recent = new ArrayList<>(recentCount);
            for (int r = 0; r < recentCount; r++) {
                recent.add(new SeenTrade(in.readUTF(), in.readLong(), in.readLong()));
            }
            positions.put(symbol, new SymbolPosition(latest, recent));
        }
        return new AlpacaStreamSplit(id, symbols, positions);
    }
}
