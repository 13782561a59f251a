package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.TradingStatus;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a {@link FeedEvent} as a tag byte and the one message it holds; a trade, the message on
 * every hot path, field by field. Flink's own choice for the record, a POJO serializer, writes a
 * null flag for each of the nine members and builds the record by reflection: a tenth to a quarter
 * of the samples of the shuffle to the candle operator and of batch mode's sort, in profiles. The
 * rarer messages keep Flink's POJO serializers, behind the tag. A trade's strings are read back
 * through a cache ({@link RepeatedStrings}, same bytes as {@code StringValue}), so a symbol read
 * again is the same instance, hash already computed.
 *
 * <p>{@link #copy(FeedEvent)} returns the event itself: the messages are records, and the arrays
 * in them (a trade's conditions, a snapshot's trades) are never written after they are built, so
 * a chained operator cannot change what another sees, and the copy Flink makes between chained
 * operators (without object reuse) costs nothing.
 */
public final class FeedEventSerializer extends TypeSerializer<FeedEvent> {
    private static final long serialVersionUID = 1L;

    private static final byte TRADE = 0;
    private static final byte CORRECTION = 1;
    private static final byte CANCEL = 2;
    private static final byte SNAPSHOT = 3;
    private static final byte QUOTE = 4;
    private static final byte BAR = 5;
    private static final byte STATUS = 6;
    private static final byte FEED_STATUS = 7;
    private static final byte DEAD_LETTER = 8;
    private static final String[] NO_CONDITIONS = new String[0];

    private final TypeSerializer<TradeCorrection> corrections = pojo(TradeCorrection.class);
    private final TypeSerializer<TradeCancel> cancels = pojo(TradeCancel.class);
    private final TypeSerializer<TapeSnapshot> snapshots = pojo(TapeSnapshot.class);
    private final TypeSerializer<Quote> quotes = pojo(Quote.class);
    private final TypeSerializer<ProviderBar> bars = pojo(ProviderBar.class);
    private final TypeSerializer<TradingStatus> statuses = pojo(TradingStatus.class);
    private final TypeSerializer<FeedStatus> feedStatuses = pojo(FeedStatus.class);
    private final TypeSerializer<DeadLetter> deadLetters = pojo(DeadLetter.class);

    /** This instance's, made on first use: the serializer travels in the job graph, its cache need not. */
    private transient RepeatedStrings strings;

    private RepeatedStrings strings() {
        if (strings == null) {
            strings = new RepeatedStrings();
        }
        return strings;
    }

    private static <T> TypeSerializer<T> pojo(Class<T> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<FeedEvent> duplicate() {
        return new FeedEventSerializer();
    }

    @Override
    public FeedEvent createInstance() {
        return null;
    }

    @Override
    public FeedEvent copy(FeedEvent from) {
        return from;
    }

    @Override
    public FeedEvent copy(FeedEvent from, FeedEvent reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(FeedEvent event, DataOutputView out) throws IOException {
        if (event.trade() != null) {
            out.writeByte(TRADE);
            writeTrade(event.trade(), out);
        } else if (event.correction() != null) {
            out.writeByte(CORRECTION);
            corrections.serialize(event.correction(), out);
        } else if (event.cancel() != null) {
            out.writeByte(CANCEL);
            cancels.serialize(event.cancel(), out);
        } else if (event.snapshot() != null) {
            out.writeByte(SNAPSHOT);
            snapshots.serialize(event.snapshot(), out);
        } else if (event.quote() != null) {
            out.writeByte(QUOTE);
            quotes.serialize(event.quote(), out);
        } else if (event.bar() != null) {
            out.writeByte(BAR);
            bars.serialize(event.bar(), out);
        } else if (event.status() != null) {
            out.writeByte(STATUS);
            statuses.serialize(event.status(), out);
        } else if (event.feedStatus() != null) {
            out.writeByte(FEED_STATUS);
            feedStatuses.serialize(event.feedStatus(), out);
        } else {
            out.writeByte(DEAD_LETTER);
            deadLetters.serialize(event.deadLetter(), out);
        }
    }

    @Override
    public FeedEvent deserialize(DataInputView in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case TRADE -> FeedEvent.of(readTrade(in));
            case CORRECTION -> FeedEvent.of(corrections.deserialize(in));
            case CANCEL -> FeedEvent.of(cancels.deserialize(in));
            case SNAPSHOT -> FeedEvent.of(snapshots.deserialize(in));
            case QUOTE -> FeedEvent.of(quotes.deserialize(in));
            case BAR -> FeedEvent.of(bars.deserialize(in));
            case STATUS -> FeedEvent.of(statuses.deserialize(in));
            case FEED_STATUS -> FeedEvent.of(feedStatuses.deserialize(in));
            case DEAD_LETTER -> FeedEvent.of(deadLetters.deserialize(in));
            default -> throw new IOException("unknown feed event kind " + kind);
        };
    }

    @Override
    public FeedEvent deserialize(FeedEvent reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    private static void writeTrade(Trade t, DataOutputView out) throws IOException {
        StringValue.writeString(t.symbol(), out);
        out.writeLong(t.timestamp());
        out.writeDouble(t.price());
        out.writeLong(t.size());
        StringValue.writeString(t.exchange(), out);
        out.writeLong(t.id());
        String[] conditions = t.conditions();
        out.writeInt(conditions.length);
        for (String c : conditions) {
            StringValue.writeString(c, out);
        }
        StringValue.writeString(t.tape(), out);
    }

    private Trade readTrade(DataInputView in) throws IOException {
        RepeatedStrings strings = strings();
        String symbol = strings.read(in);
        long timestamp = in.readLong();
        double price = in.readDouble();
        long size = in.readLong();
        String exchange = strings.read(in);
        long id = in.readLong();
        int n = in.readInt();
        String[] conditions = n == 0 ? NO_CONDITIONS : new String[n];
        for (int i = 0; i < n; i++) {
            conditions[i] = strings.read(in);
        }
        return new Trade(symbol, timestamp, price, size, exchange, id, conditions, strings.read(in));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedEventSerializer;
    }

    @Override
    public int hashCode() {
        return FeedEventSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<FeedEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format has no parameters: a snapshot only names the serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FeedEvent> {
        public Snapshot() {
            super(FeedEventSerializer::new);
        }
    }
}
