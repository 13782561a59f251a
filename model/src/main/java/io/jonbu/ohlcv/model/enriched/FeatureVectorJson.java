package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A feature vector as {@code {"schema_version": 1, "names": [...], "values": [...]}}, names and
 * values in {@link FeatureSchema} order, null for a feature not warmed up. The names travel with
 * every vector so an export read on its own says what each number is.
 */
public final class FeatureVectorJson {
    private FeatureVectorJson() {}

    public static final class Serializer extends StdSerializer<double[]> {
        public Serializer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("schema_version", FeatureSchema.VERSION);
            gen.writeArrayFieldStart("names");
            for (FeatureSchema f : FeatureSchema.values()) {
                gen.writeString(f.jsonName());
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("values");
            for (double v : values) {
                if (Double.isFinite(v)) {
                    gen.writeNumber(v);
                } else {
                    gen.writeNull();
                }
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    /** Pairs names with values, so a reordered export still reads right; unknown names are dropped, missing ones NaN. */
    public static final class Deserializer extends StdDeserializer<double[]> {
        public Deserializer() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                if (token == JsonToken.START_ARRAY && field.equals("names")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        names.add(p.getText());
                    }
                } else if (token == JsonToken.START_ARRAY && field.equals("values")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        values.add(p.currentToken().isNumeric() ? p.getDoubleValue() : Double.NaN);
                    }
                } else {
                    p.skipChildren();
                }
            }
            double[] out = new double[FeatureSchema.COUNT];
            Arrays.fill(out, Double.NaN);
            for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
                FeatureSchema f = FeatureSchema.byJsonName(names.get(i));
                if (f != null) {
                    out[f.ordinal()] = values.get(i);
                }
            }
            return out;
        }
    }
}
