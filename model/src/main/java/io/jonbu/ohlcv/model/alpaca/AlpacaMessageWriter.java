package io.jonbu.ohlcv.model.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.TradingStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
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
                writeTrade(g, t);
            }
            g.writeEndArray();
        });
    }

    /**
     * A frame of market-data messages in the given order: trades, corrections
     * ({@code {"T":"c","S","x","oi","op","os","oc","ci","cp","cs","cc","z","t"}}), cancels
     * ({@code {"T":"x","S","i","x","p","s","a","z","t"}}), quotes
     * ({@code {"T":"q","S","bx","bp","bs","ax","ap","as","t","c","z"}}), bars
     * ({@code {"T":"b"|"u"|"d","S","o","h","l","c","v","t","n","vw"}}) and statuses
     * ({@code {"T":"s","S","sc","sm","rc","rm","t","z"}}); a correction's or cancel's {@code t} is the
     * original trade's time, a bar's its interval start.
     *
     * @throws IllegalArgumentException for a dead letter, which is no message of Alpaca's
     */
    public static String events(Collection<FeedEvent> events) {
        return write(g -> {
            g.writeStartArray();
            for (FeedEvent e : events) {
                if (e.trade() != null) {
                    writeTrade(g, e.trade());
                } else if (e.correction() != null) {
                    writeCorrection(g, e.correction());
                } else if (e.cancel() != null) {
                    writeCancel(g, e.cancel());
                } else if (e.quote() != null) {
                    writeQuote(g, e.quote());
                } else if (e.bar() != null) {
                    writeBar(g, e.bar());
                } else if (e.status() != null) {
                    writeStatus(g, e.status());
                } else {
                    throw new IllegalArgumentException("a dead letter is not an Alpaca message: " + e);
                }
            }
            g.writeEndArray();
        });
    }

    private static void writeTrade(JsonGenerator g, Trade t) throws IOException {
        g.writeStartObject();
        g.writeStringField("T", "t");
        g.writeStringField("S", t.symbol());
        g.writeNumberField("i", t.id());
        g.writeStringField("x", t.exchange());
        g.writeNumberField("p", t.price());
        g.writeNumberField("s", t.size());
        writeConditions(g, "c", t.conditions());
        g.writeStringField("t", EpochNanos.format(t.timestamp()));
        g.writeStringField("z", t.tape());
        g.writeEndObject();
    }

    private static void writeCorrection(JsonGenerator g, TradeCorrection c) throws IOException {
        g.writeStartObject();
        g.writeStringField("T", "c");
        g.writeStringField("S", c.symbol());
        g.writeStringField("x", c.exchange());
        g.writeNumberField("oi", c.originalId());
        g.writeNumberField("op", c.originalPrice());
        g.writeNumberField("os", c.originalSize());
        writeConditions(g, "oc", c.originalConditions());
        g.writeNumberField("ci", c.correctedId());
        g.writeNumberField("cp", c.correctedPrice());
        g.writeNumberField("cs", c.correctedSize());
        writeConditions(g, "cc", c.correctedConditions());
        g.writeStringField("z", c.tape());
        g.writeStringField("t", EpochNanos.format(c.timestamp()));
        g.writeEndObject();
    }

    private static void writeCancel(JsonGenerator g, TradeCancel x) throws IOException {
        g.writeStartObject();
        g.writeStringField("T", "x");
        g.writeStringField("S", x.symbol());
        g.writeNumberField("i", x.id());
        g.writeStringField("x", x.exchange());
        g.writeNumberField("p", x.price());
        g.writeNumberField("s", x.size());
        g.writeStringField("a", x.action());
        g.writeStringField("z", x.tape());
        g.writeStringField("t", EpochNanos.format(x.timestamp()));
        g.writeEndObject();
    }

    private static void writeQuote(JsonGenerator g, Quote q) throws IOException {
        g.writeStartObject();
        g.writeStringField("T", "q");
        g.writeStringField("S", q.symbol());
        g.writeStringField("bx", q.bidExchange());
        g.writeNumberField("bp", q.bidPrice());
        g.writeNumberField("bs", q.bidSize());
        g.writeStringField("ax", q.askExchange());
        g.writeNumberField("ap", q.askPrice());
        g.writeNumberField("as", q.askSize());
        g.writeStringField("t", EpochNanos.format(q.timestamp()));
        writeConditions(g, "c", q.conditions());
        g.writeStringField("z", q.tape());
        g.writeEndObject();
    }

    private static void writeBar(JsonGenerator g, ProviderBar b) throws IOException {
        g.writeStartObject();
        g.writeStringField("T", b.kind().type());
        g.writeStringField("S", b.symbol());
        g.writeNumberField("o", b.open());
        g.writeNumberField("h", b.high());
        g.writeNumberField("l", b.low());
        g.writeNumberField("c", b.close());
        g.writeNumberField("v", b.volume());
        g.writeStringField("t", EpochNanos.format(b.start()));
        g.writeNumberField("n", b.tradeCount());
        g.writeNumberField("vw", b.vwap());
        g.writeEndObject();
    }

    private static void writeStatus(JsonGenerator g, TradingStatus s) throws IOException {
        g.writeStartObject();
        g.writeStringField("T", "s");
        g.writeStringField("S", s.symbol());
        g.writeStringField("sc", s.statusCode());
        g.writeStringField("sm", s.statusMessage());
        g.writeStringField("rc", s.reasonCode());
        g.writeStringField("rm", s.reasonMessage());
        g.writeStringField("t", EpochNanos.format(s.timestamp()));
        g.writeStringField("z", s.tape());
        g.writeEndObject();
    }

    private static void writeConditions(JsonGenerator g, String field, String[] conditions) throws IOException {
        g.writeArrayFieldStart(field);
        for (String c : conditions) {
            g.writeString(c);
        }
        g.writeEndArray();
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
