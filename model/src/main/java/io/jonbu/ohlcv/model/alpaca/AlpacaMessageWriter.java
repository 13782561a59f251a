package io.jonbu.ohlcv.model.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Writes Alpaca Market Data v2 stream messages, byte for byte in the shapes Alpaca sends and accepts. */
public final class AlpacaMessageWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private AlpacaMessageWriter() {}

    /** A frame of trade messages: {@code [{"T":"t","S":..,"i":..,"x":..,"p":..,"s":..,"c":[..],"t":..,"z":..},..]}. */
    public static String trades(Collection<Trade> trades) {
        return write(g -> {
            g.writeStartArray();
            for (Trade t : trades) {
                g.writeStartObject();
                g.writeStringField("T", "t");
                g.writeStringField("S", t.symbol());
                g.writeNumberField("i", t.id());
                g.writeStringField("x", t.exchange());
                g.writeNumberField("p", t.price());
                g.writeNumberField("s", t.size());
                g.writeArrayFieldStart("c");
                for (String c : t.conditions()) {
                    g.writeString(c);
                }
                g.writeEndArray();
                g.writeStringField("t", EpochNanos.format(t.timestamp()));
                g.writeStringField("z", t.tape());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** {@code [{"T":"success","msg":"connected"}]} and the like. */
    public static String success(String msg) {
        return write(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("T", ControlMessage.SUCCESS);
            g.writeStringField("msg", msg);
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    /** {@code [{"T":"error","code":402,"msg":"auth failed"}]}. */
    public static String error(int code, String msg) {
        return write(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("T", ControlMessage.ERROR);
            g.writeNumberField("code", code);
            g.writeStringField("msg", msg);
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    /** The whole current subscription, channel by channel, in the given order. */
    public static String subscription(Map<String, ? extends Collection<String>> channels) {
        return write(g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("T", ControlMessage.SUBSCRIPTION);
            writeChannels(g, channels);
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    /** {@code {"action":"auth","key":..,"secret":..}}. */
    public static String auth(String key, String secret) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("action", "auth");
            g.writeStringField("key", key);
            g.writeStringField("secret", secret);
            g.writeEndObject();
        });
    }

    /** {@code {"action":"subscribe"|"unsubscribe","trades":[..],..}}. */
    public static String action(String action, Map<String, ? extends Collection<String>> channels) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("action", action);
            writeChannels(g, channels);
            g.writeEndObject();
        });
    }

    public static String subscribeTrades(List<String> symbols) {
        return action("subscribe", Map.of("trades", symbols));
    }

    private static void writeChannels(JsonGenerator g, Map<String, ? extends Collection<String>> channels) throws IOException {
        for (Map.Entry<String, ? extends Collection<String>> e : channels.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String s : e.getValue()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
