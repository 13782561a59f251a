package io.jonbu.ohlcv.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.jonbu.ohlcv.model.EpochNanos;
import java.io.IOException;
import java.time.format.DateTimeParseException;

/** Epoch-nanosecond {@code long} fields written and read as RFC 3339 UTC strings. */
public final class Rfc3339Json {
    private Rfc3339Json() {}

    public static final class Serializer extends StdSerializer<Long> {
        public Serializer() {
            super(Long.class);
        }

        @Override
        public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(EpochNanos.format(value));
        }
    }

    public static final class Deserializer extends StdDeserializer<Long> {
        public Deserializer() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return EpochNanos.parse(p.getValueAsString());
            } catch (DateTimeParseException e) {
                return (Long) ctxt.handleWeirdStringValue(Long.class, p.getValueAsString(), "not an RFC 3339 time");
            }
        }
    }
}
