package io.jonbu.ohlcv.job.candle;

import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.tape.TradeEligibility;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SymbolCandlesSerializerTest {
    private static final long MINUTE = Timeframe.M1.nominalNanos();
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private final SymbolCandlesSerializer serializer = new SymbolCandlesSerializer();

    /** Seven 1m candles (more than a timeframe's first arrays hold), one closed with a frozen part, a 5m candle, and retained prints. */
    private static SymbolCandles state() {
        SymbolCandles s = new SymbolCandles();
        for (int m = 0; m < 7; m++) {
            CandleBuilder c = new CandleBuilder();
            c.add(trade("AAPL", "2024-03-08T14:3" + m + ":05Z", 10 + m, 100, m), TradeEligibility.ALL);
            s.putOpen(Timeframe.M1, START + m * MINUTE, c);
        }
        s.open(Timeframe.M1, START).closed = true;
        s.open(Timeframe.M1, START).emissions = 2;
        s.frozenOrNew(Timeframe.M5, START).add(trade("AAPL", "2024-03-08T14:30:07Z", 9, 5, 40), TradeEligibility.VOLUME_ONLY);
        s.putOpen(Timeframe.M5, START, new CandleBuilder());
        for (int m = 0; m < 10; m++) {
            RetainedPrints p = new RetainedPrints();
            p.add(START + m * MINUTE + 1, m, m % 2 == 0 ? "V" : null, 10.5, 7, TradeEligibility.ALL, TradeEligibility.VOLUME_ONLY);
            s.putRetained(START + m * MINUTE, p);
        }
        return s;
    }

    private byte[] bytes(SymbolCandles s) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(s, out);
        return out.getCopyOfBuffer();
    }

    @Test
    void aStateReadBackWritesTheSameBytesAndHoldsTheSameCandlesAndPrints() throws IOException {
        SymbolCandles written = state();
        SymbolCandles read = serializer.deserialize(new DataInputDeserializer(bytes(written)));

        assertThat(bytes(read)).isEqualTo(bytes(written));
        assertThat(read.open(Timeframe.M1, START + 6 * MINUTE).close).isEqualTo(16);
        assertThat(read.open(Timeframe.M1, START).closed).isTrue();
        assertThat(read.open(Timeframe.M1, START).emissions).isEqualTo(2);
        assertThat(read.frozen(Timeframe.M5, START).volume).isEqualTo(5);
        assertThat(read.frozen(Timeframe.M1, START)).isNull();
        assertThat(read.retained(START + 9 * MINUTE).exchanges[0]).isNull();
        assertThat(read.retained(START + 8 * MINUTE).exchanges[0]).isEqualTo("V");
        assertThat(read.retained(START + 8 * MINUTE).eligibility[0]).isEqualTo(written.retained(START + 8 * MINUTE).eligibility[0]);
    }

    @Test
    void aCopyIsDeepSoChangingItLeavesTheOriginalAsASnapshotReadsIt() throws IOException {
        SymbolCandles original = state();
        byte[] before = bytes(original);
        SymbolCandles copy = serializer.copy(original);
        assertThat(bytes(copy)).isEqualTo(before);

        copy.open(Timeframe.M1, START).add(trade("AAPL", "2024-03-08T14:30:59Z", 99, 1, 77), TradeEligibility.ALL);
        copy.frozen(Timeframe.M5, START).volume++;
        copy.retained(START).add(START + 2, 78, "V", 1, 1, TradeEligibility.ALL, TradeEligibility.ALL);
        copy.remove(Timeframe.M1, START + MINUTE);
        copy.removeRetained(START + MINUTE);

        assertThat(bytes(original)).isEqualTo(before);
    }

    @Test
    void removingTheLastOfEverythingLeavesAnEmptyState() {
        SymbolCandles s = new SymbolCandles();
        s.putOpen(Timeframe.H1, START, new CandleBuilder());
        s.frozenOrNew(Timeframe.H1, START);
        s.putRetained(START, new RetainedPrints());
        s.removeOpen(Timeframe.H1, START);
        assertThat(s.isEmpty()).as("the frozen part keeps its slot").isFalse();
        s.remove(Timeframe.H1, START);
        s.removeRetained(START);
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void theSnapshotRestoresAnEqualSerializerAndCallsItCompatible() throws IOException {
        TypeSerializerSnapshot<SymbolCandles> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<SymbolCandles> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(read.restoreSerializer()).isEqualTo(serializer);
        TypeSerializerSchemaCompatibility<SymbolCandles> compatibility =
                new SymbolCandlesSerializer().snapshotConfiguration().resolveSchemaCompatibility(read);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }

    @Test
    void candlesAreStoredByTheirTimeframesLabelSoAnUnknownOneIsRefusedByNameNotMisread() {
        DataOutputSerializer out = new DataOutputSerializer(16);
        assertThatThrownBy(() -> {
            out.writeByte(1);
            out.writeUTF("2m");
            out.writeInt(0);
            serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        }).isInstanceOf(IOException.class).hasMessageContaining("2m candles");
    }

    @Test
    void onlyTheTimeframesWithCandlesAreWrittenEachUnderItsLabel() throws IOException {
        SymbolCandles s = new SymbolCandles();
        CandleBuilder c = new CandleBuilder();
        c.add(trade("AAPL", "2024-03-08T14:30:05Z", 10, 100, 1), TradeEligibility.ALL);
        s.putOpen(Timeframe.D1, START, c);
        DataInputDeserializer in = new DataInputDeserializer(bytes(s));

        assertThat(in.readByte()).isEqualTo((byte) 1);
        assertThat(in.readUTF()).isEqualTo(Timeframe.D1.label());
        assertThat(serializer.deserialize(new DataInputDeserializer(bytes(s))).open(Timeframe.D1, START).close).isEqualTo(10);
    }
}
