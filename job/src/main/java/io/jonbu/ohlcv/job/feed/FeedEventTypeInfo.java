package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.FeedEvent;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Feed events as Flink should carry them: with {@link FeedEventSerializer}. Given explicitly where a
 * stream of feed events is made, since the model knows nothing of Flink and so cannot name its
 * serializer with an annotation.
 */
public final class FeedEventTypeInfo extends TypeInformation<FeedEvent> {
    private static final long serialVersionUID = 1L;

    public static final FeedEventTypeInfo INSTANCE = new FeedEventTypeInfo();

    private FeedEventTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<FeedEvent> getTypeClass() {
        return FeedEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<FeedEvent> createSerializer(SerializerConfig config) {
        return new FeedEventSerializer();
    }

    @Override
    @Deprecated
    public TypeSerializer<FeedEvent> createSerializer(ExecutionConfig config) {
        return new FeedEventSerializer();
    }

    @Override
    public String toString() {
        return "FeedEvent";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return FeedEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof FeedEventTypeInfo;
    }
}
