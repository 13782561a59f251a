package io.jonbu.ohlcv.job.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class FeedEventSerializerTest {
    private static final String FRAME = "[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":52983525029461,\"x\":\"V\",\"p\":187.41,\"s\":100,"
            + "\"c\":[\"@\",\"I\"],\"t\":\"2024-03-11T14:30:00.123456789Z\",\"z\":\"C\"},"
            + "{\"T\":\"t\",\"S\":\"MSFT\",\"i\":7,\"p\":409.1,\"s\":3,\"t\":\"2024-03-11T14:30:01Z\"},"
            + "{\"T\":\"c\",\"S\":\"AAPL\",\"x\":\"V\",\"oi\":52983525029461,\"op\":187.41,\"os\":100,\"oc\":[\"@\"],"
            + "\"ci\":52983525029999,\"cp\":187.4,\"cs\":100,\"cc\":[\"@\"],\"z\":\"C\",\"t\":\"2024-03-11T14:30:00.123456789Z\"},"
            + "{\"T\":\"x\",\"S\":\"AAPL\",\"i\":52983525029461,\"x\":\"V\",\"p\":187.41,\"s\":100,\"a\":\"C\",\"z\":\"C\","
            + "\"t\":\"2024-03-11T14:30:00.123456789Z\"},"
            + "{\"T\":\"q\",\"S\":\"AAPL\",\"bx\":\"V\",\"bp\":187.4,\"bs\":2,\"ax\":\"Q\",\"ap\":187.42,\"as\":3,"
            + "\"t\":\"2024-03-11T14:30:00Z\",\"c\":[\"R\"],\"z\":\"C\"},"
            + "{\"T\":\"b\",\"S\":\"AAPL\",\"o\":187.4,\"h\":187.5,\"l\":187.3,\"c\":187.45,\"v\":1200,\"t\":\"2024-03-11T14:30:00Z\","
            + "\"n\":14,\"vw\":187.41},"
            + "{\"T\":\"s\",\"S\":\"AAPL\",\"sc\":\"H\",\"sm\":\"Trading Halt\",\"rc\":\"T12\",\"rm\":\"News\",\"t\":\"2024-03-11T14:31:00Z\",\"z\":\"C\"},"
            + "{\"T\":\"t\",\"S\":\"AAPL\"}]";

    private final FeedEventSerializer serializer = new FeedEventSerializer();

    @Test
    void everyKindOfEventComesBackEqual() throws Exception {
        List<FeedEvent> events = new ArrayList<>();
        new AlpacaFeedDecoder("test").decode(FRAME, events::add);
        Trade trade = events.get(0).trade();
        events.add(FeedEvent.of(new TapeSnapshot("AAPL", trade.timestamp() - 1, trade.timestamp() + 1, new Trade[] {trade})));
        events.add(FeedEvent.of(new FeedStatus("split-0", true, "closed", 3, EpochNanos.parse("2024-03-11T14:30:00Z"), 1L)));
        assertThat(events).extracting(e -> e.isTrade() ? "trade" : e.correction() != null ? "correction" : e.cancel() != null ? "cancel"
                : e.quote() != null ? "quote" : e.bar() != null ? "bar" : e.status() != null ? "status"
                : e.deadLetter() != null ? "dead letter" : e.snapshot() != null ? "snapshot" : "feed status")
                .containsExactly("trade", "trade", "correction", "cancel", "quote", "bar", "status", "dead letter", "snapshot", "feed status");

        DataOutputSerializer out = new DataOutputSerializer(256);
        for (FeedEvent event : events) {
            serializer.serialize(event, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        for (FeedEvent event : events) {
            assertThat(serializer.deserialize(in)).usingRecursiveComparison().isEqualTo(event);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void aTradesRepeatedStringsComeBackAsOneInstanceAndUnusualOnesExactly() throws Exception {
        String longExchange = "an exchange name longer than any the cache keeps";
        List<Trade> trades = List.of(
                new Trade("AAPL", 1, 10, 1, "V", 1, new String[] {"@", "I"}, "C"),
                new Trade("AAPL", 2, 10, 1, "V", 2, new String[] {"@"}, "C"),
                new Trade("MSFT", 3, 10, 1, null, 3, new String[0], null),
                new Trade("\u00c9T\u00c9", 4, 10, 1, longExchange, 4, new String[] {"\u2603", ""}, "\uffff"),
                new Trade("AAPL", 5, 10, 1, longExchange, 5, new String[] {"@"}, "C"));
        DataOutputSerializer out = new DataOutputSerializer(256);
        for (Trade t : trades) {
            serializer.serialize(FeedEvent.of(t), out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        List<Trade> read = new ArrayList<>();
        for (Trade t : trades) {
            read.add(serializer.deserialize(in).trade());
        }

        assertThat(read).usingRecursiveFieldByFieldElementComparator().isEqualTo(trades);
        assertThat(read.get(1).symbol()).isSameAs(read.get(0).symbol()).isSameAs(read.get(4).symbol());
        assertThat(read.get(1).exchange()).isSameAs(read.get(0).exchange());
        assertThat(read.get(4).conditions()[0]).isSameAs(read.get(0).conditions()[0]);
    }

    @Test
    void aSnapshotOfTheSerializerRestoresOneThatReadsTheSameBytes() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.snapshotConfiguration().writeSnapshot(out);
        FeedEventSerializer.Snapshot restored = new FeedEventSerializer.Snapshot();
        restored.readSnapshot(restored.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                getClass().getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(restored.resolveSchemaCompatibility(serializer.snapshotConfiguration()).isCompatibleAsIs()).isTrue();
    }
}
