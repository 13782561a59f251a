package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Indicator values as a JSON object keyed by {@link IndicatorKey#jsonName()}, in key order, with
 * null for a value not yet warmed up (NaN inside the system; JSON has no NaN).
 */
public final class IndicatorValuesJson {
    private IndicatorValuesJson() {}

    /** The JSON object text, as PostgreSQL's jsonb column holds it. */
    public static String write(double[] values) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator gen = ApiJson.mapper().getFactory().createGenerator(out)) {
            writeObject(values, gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads the object form back; unknown keys are ignored, missing or null ones are NaN. */
    public static double[] read(String json) {
        try (JsonParser p = ApiJson.mapper().getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("indicators: expected a JSON object, got " + json);
            }
            return readObject(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeObject(double[] values, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        for (IndicatorKey key : IndicatorKey.values()) {
            double v = values[key.ordinal()];
            if (Double.isFinite(v)) {
                gen.writeNumberField(key.jsonName(), v);
            } else {
                gen.writeNullField(key.jsonName());
            }
        }
        gen.writeEndObject();
    }

    /** From just after START_OBJECT to its END_OBJECT. */
    private static double[] readObject(JsonParser p) throws IOException {
        double[] values = new double[IndicatorKey.COUNT];
        Arrays.fill(values, Double.NaN);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            IndicatorKey key = IndicatorKey.byJsonName(p.currentName());
            JsonToken value = p.nextToken();
            if (key != null && value.isNumeric()) {
                values[key.ordinal()] = p.getDoubleValue();
            } else {
                p.skipChildren();
            }
        }
        return values;
    }

    public static final class Serializer extends StdSerializer<double[]> {
        public Serializer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeObject(values, gen);
        }
    }

    public static final class Deserializer extends StdDeserializer<double[]> {
        public Deserializer() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            return readObject(p);
        }
    }
}
