package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.Timeframe;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a symbol's {@link SymbolCandles} field by field: per timeframe its slots (start, then the
 * candle and the frozen part, each behind a presence flag), then the retained minutes (start, then
 * the prints' parallel arrays up to their count), then when the next cleanup is due and its timer. Explicit rather than Flink's POJO serializer,
 * which reflects over every field and cannot take the nested arrays without Kryo. {@link #copy}
 * is deep: the heap backend copies a value a running snapshot still reads before handing it out
 * to be changed in place.
 */
public final class SymbolCandlesSerializer extends TypeSerializer<SymbolCandles> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<SymbolCandles> duplicate() {
        return this; // stateless
    }

    @Override
    public SymbolCandles createInstance() {
        return new SymbolCandles();
    }

    @Override
    public SymbolCandles copy(SymbolCandles from) {
        SymbolCandles to = new SymbolCandles();
        for (int t = 0; t < SymbolCandles.TIMEFRAMES; t++) {
            SymbolCandles.Slots f = from.candles[t];
            for (int i = 0; i < f.size; i++) {
                SymbolCandles.Slots s = to.candles[t];
                int j = s.indexOrAdd(f.starts[i]);
                s.open[j] = f.open[i] == null ? null : copy(f.open[i]);
                s.frozen[j] = f.frozen[i] == null ? null : copy(f.frozen[i]);
            }
        }
        for (int i = 0; i < from.minuteCount; i++) {
            to.putRetained(from.minutes[i], copy(from.prints[i]));
        }
        to.nextDue = from.nextDue;
        to.cleanupAt = from.cleanupAt;
        return to;
    }

    @Override
    public SymbolCandles copy(SymbolCandles from, SymbolCandles reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SymbolCandles value, DataOutputView out) throws IOException {
        int used = 0;
        for (SymbolCandles.Slots s : value.candles) {
            used += s.size > 0 ? 1 : 0;
        }
        out.writeByte(used);
        for (Timeframe tf : Timeframe.values()) {
            SymbolCandles.Slots s = value.candles[tf.ordinal()];
            if (s.size == 0) {
                continue;
            }
            // by label, not ordinal: a timeframe added to the enum, wherever it sorts, leaves older state readable
            out.writeUTF(tf.label());
            out.writeInt(s.size);
            for (int i = 0; i < s.size; i++) {
                out.writeLong(s.starts[i]);
                writeBuilder(s.open[i], out);
                writeBuilder(s.frozen[i], out);
            }
        }
        out.writeInt(value.minuteCount);
        for (int i = 0; i < value.minuteCount; i++) {
            out.writeLong(value.minutes[i]);
            writePrints(value.prints[i], out);
        }
        out.writeLong(value.nextDue);
        out.writeLong(value.cleanupAt);
    }

    @Override
    public SymbolCandles deserialize(DataInputView in) throws IOException {
        SymbolCandles value = new SymbolCandles();
        int used = in.readByte();
        for (int t = 0; t < used; t++) {
            String label = in.readUTF();
            Timeframe tf;
            try {
                tf = Timeframe.parse(label);
            } catch (IllegalArgumentException e) {
                throw new IOException("candle state holds " + label + " candles, a timeframe this version does not know", e);
            }
            SymbolCandles.Slots s = value.candles[tf.ordinal()];
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                int j = s.indexOrAdd(in.readLong());
                s.open[j] = readBuilder(in);
                s.frozen[j] = readBuilder(in);
            }
        }
        int minutes = in.readInt();
        for (int i = 0; i < minutes; i++) {
            long minute = in.readLong();
            value.putRetained(minute, readPrints(in));
        }
        value.nextDue = in.readLong();
        value.cleanupAt = in.readLong();
        return value;
    }

    @Override
    public SymbolCandles deserialize(SymbolCandles reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SymbolCandlesSerializer;
    }

    @Override
    public int hashCode() {
        return SymbolCandlesSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<SymbolCandles> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SymbolCandles> {
        public Snapshot() {
            super(SymbolCandlesSerializer::new);
        }
    }

    private static CandleBuilder copy(CandleBuilder from) {
        CandleBuilder to = new CandleBuilder();
        to.open = from.open;
        to.high = from.high;
        to.low = from.low;
        to.close = from.close;
        to.openTime = from.openTime;
        to.openId = from.openId;
        to.closeTime = from.closeTime;
        to.closeId = from.closeId;
        to.volume = from.volume;
        to.tradeCount = from.tradeCount;
        to.notional = from.notional;
        to.priced = from.priced;
        to.ranged = from.ranged;
        to.emissions = from.emissions;
        to.closed = from.closed;
        return to;
    }

    private static RetainedPrints copy(RetainedPrints from) {
        RetainedPrints to = new RetainedPrints();
        for (int i = 0; i < from.count; i++) {
            to.add(from.times[i], from.ids[i], from.exchanges[i], from.prices[i], from.sizes[i], from.eligibility[i]);
        }
        return to;
    }

    private static void writeBuilder(CandleBuilder b, DataOutputView out) throws IOException {
        out.writeBoolean(b != null);
        if (b == null) {
            return;
        }
        out.writeDouble(b.open);
        out.writeDouble(b.high);
        out.writeDouble(b.low);
        out.writeDouble(b.close);
        out.writeLong(b.openTime);
        out.writeLong(b.openId);
        out.writeLong(b.closeTime);
        out.writeLong(b.closeId);
        out.writeLong(b.volume);
        out.writeLong(b.tradeCount);
        out.writeDouble(b.notional);
        out.writeBoolean(b.priced);
        out.writeBoolean(b.ranged);
        out.writeInt(b.emissions);
        out.writeBoolean(b.closed);
    }

    private static CandleBuilder readBuilder(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        CandleBuilder b = new CandleBuilder();
        b.open = in.readDouble();
        b.high = in.readDouble();
        b.low = in.readDouble();
        b.close = in.readDouble();
        b.openTime = in.readLong();
        b.openId = in.readLong();
        b.closeTime = in.readLong();
        b.closeId = in.readLong();
        b.volume = in.readLong();
        b.tradeCount = in.readLong();
        b.notional = in.readDouble();
        b.priced = in.readBoolean();
        b.ranged = in.readBoolean();
        b.emissions = in.readInt();
        b.closed = in.readBoolean();
        return b;
    }

    private static void writePrints(RetainedPrints p, DataOutputView out) throws IOException {
        out.writeInt(p.count);
        for (int i = 0; i < p.count; i++) {
            out.writeLong(p.times[i]);
            out.writeLong(p.ids[i]);
            out.writeBoolean(p.exchanges[i] != null);
            if (p.exchanges[i] != null) {
                out.writeUTF(p.exchanges[i]);
            }
            out.writeDouble(p.prices[i]);
            out.writeLong(p.sizes[i]);
            out.writeByte(p.eligibility[i]);
        }
    }

    private static RetainedPrints readPrints(DataInputView in) throws IOException {
        RetainedPrints p = new RetainedPrints();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            long time = in.readLong();
            long id = in.readLong();
            String exchange = in.readBoolean() ? in.readUTF() : null;
            p.add(time, id, exchange, in.readDouble(), in.readLong(), in.readByte());
        }
        return p;
    }
}
