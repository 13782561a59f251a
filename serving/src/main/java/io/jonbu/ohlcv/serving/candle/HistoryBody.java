package io.jonbu.ohlcv.serving.candle;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plain history response, the JSON of a {@code CandleHistory<Candle>} byte for byte, straight
 * from the rows of a candle query onto the response as they are read: no {@code Candle}s, no text of
 * the whole body, so a long range costs the server a buffer rather than its size, and the client
 * reads the first candles while the last are still being fetched.
 *
 * <p>The body begins with the first row, so that an empty answer can still become a 404. Once it
 * has begun, a failure can no longer change the status: the connection is cut instead (the body
 * never ends, which every HTTP client reports as an error), never a well-formed half.
 */
final class HistoryBody implements CandleRepository.RowVisitor<IOException> {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryBody.class);
    private static final SerializedString SYMBOL = new SerializedString("symbol");
    private static final SerializedString TIMEFRAME = new SerializedString("timeframe");
    private static final SerializedString CANDLES = new SerializedString("candles");
    private static final SerializedString NEXT_PAGE_TOKEN = new SerializedString("next_page_token");
    // a candle's fields, named and ordered as Candle's JSON
    private static final SerializedString START = new SerializedString("start");
    private static final SerializedString END = new SerializedString("end");
    private static final SerializedString OPEN = new SerializedString("open");
    private static final SerializedString HIGH = new SerializedString("high");
    private static final SerializedString LOW = new SerializedString("low");
    private static final SerializedString CLOSE = new SerializedString("close");
    private static final SerializedString VOLUME = new SerializedString("volume");
    private static final SerializedString TRADE_COUNT = new SerializedString("trade_count");
    private static final SerializedString VWAP = new SerializedString("vwap");
    private static final SerializedString FINAL = new SerializedString("final");
    private static final SerializedString REVISION = new SerializedString("revision");
    private static final SerializedString SESSION = new SerializedString("session");
    private static final SerializedString[] SESSIONS = Arrays.stream(MarketSession.values())
            .map(s -> new SerializedString(s.jsonName())).toArray(SerializedString[]::new);

    private final Context ctx;
    private final String symbol;
    private final Timeframe timeframe;
    private final SerializedString symbolText;
    private final SerializedString timeframeText;
    private final int limit;
    private final DecimalNumbers numbers = new DecimalNumbers();
    private final byte[] startText = new byte[EpochNanos.MAX_FORMATTED_LENGTH];
    private final byte[] endText = new byte[EpochNanos.MAX_FORMATTED_LENGTH];
    private JsonGenerator json;
    private int written;
    private Long nextStart;

    /**
     * @param limit how many rows to write: a row past them is not written, its start is where the
     *              next page starts
     */
    HistoryBody(Context ctx, String symbol, Timeframe timeframe, int limit) {
        this.ctx = ctx;
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.symbolText = new SerializedString(symbol);
        this.timeframeText = new SerializedString(timeframe.label());
        this.limit = limit;
    }

    /** Every row is of the requested symbol and timeframe (the query filters on both), so those are not read. */
    @Override
    public void visit(ResultSet row) throws SQLException, IOException {
        if (written == limit) {
            nextStart = CandleColumns.epochNanos(row, CandleColumns.START);
            return;
        }
        // what can fail to convert first, so that a bad first row is still answered with a status
        int startLength = EpochNanos.formatTo(CandleColumns.epochNanos(row, CandleColumns.START), startText);
        int endLength = EpochNanos.formatTo(CandleColumns.epochNanos(row, CandleColumns.END), endText);
        MarketSession session = MarketSession.byJsonName(row.getString(CandleColumns.SESSION));
        if (json == null) {
            begin();
        }
        json.writeStartObject();
        json.writeFieldName(SYMBOL);
        json.writeString(symbolText);
        json.writeFieldName(TIMEFRAME);
        json.writeString(timeframeText);
        json.writeFieldName(START);
        // RFC 3339 is ASCII without anything to escape: written as is
        json.writeRawUTF8String(startText, 0, startLength);
        json.writeFieldName(END);
        json.writeRawUTF8String(endText, 0, endLength);
        json.writeFieldName(OPEN);
        numbers.write(json, row.getDouble(CandleColumns.OPEN));
        json.writeFieldName(HIGH);
        numbers.write(json, row.getDouble(CandleColumns.HIGH));
        json.writeFieldName(LOW);
        numbers.write(json, row.getDouble(CandleColumns.LOW));
        json.writeFieldName(CLOSE);
        numbers.write(json, row.getDouble(CandleColumns.CLOSE));
        json.writeFieldName(VOLUME);
        json.writeNumber(row.getLong(CandleColumns.VOLUME));
        json.writeFieldName(TRADE_COUNT);
        json.writeNumber(row.getLong(CandleColumns.TRADE_COUNT));
        json.writeFieldName(VWAP);
        numbers.write(json, row.getDouble(CandleColumns.VWAP));
        json.writeFieldName(FINAL);
        json.writeBoolean(row.getBoolean(CandleColumns.IS_FINAL));
        json.writeFieldName(REVISION);
        json.writeNumber(row.getInt(CandleColumns.REVISION));
        json.writeFieldName(SESSION);
        json.writeString(SESSIONS[session.ordinal()]);
        json.writeEndObject();
        written++;
    }

    /** Whether the body has begun: from then on a failure must {@link #cut} the response. */
    boolean begun() {
        return json != null;
    }

    /** Ends the body: the candles' array, then the token of the next page if a row past the limit was seen. */
    void finish() throws IOException {
        if (json == null) {
            begin();
        }
        json.writeEndArray();
        json.writeFieldName(NEXT_PAGE_TOKEN);
        if (nextStart == null) {
            json.writeNull();
        } else {
            json.writeString(PageToken.of(symbol, timeframe, nextStart));
        }
        json.writeEndObject();
        json.close();
    }

    /** Aborts the exchange after a failure mid-body: the client sees the connection end before the body does. */
    void cut(Exception failure) {
        if (failure instanceof IOException) {
            // writing to the client failed: most often a client that went away, no fault of ours
            LOG.warn("cut the response to {} {} after {} candles: {}", ctx.method(), ctx.path(), written, failure.toString());
        } else {
            LOG.error("cut the response to {} {} after {} candles", ctx.method(), ctx.path(), written, failure);
        }
        Request.getBaseRequest(ctx.req()).getHttpChannel().abort(failure);
    }

    private void begin() throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        json = ApiJson.mapper().createGenerator(ctx.outputStream(), JsonEncoding.UTF8);
        // Javalin closes the response's stream when the handler returns
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeFieldName(SYMBOL);
        json.writeString(symbolText);
        json.writeFieldName(TIMEFRAME);
        json.writeString(timeframeText);
        json.writeFieldName(CANDLES);
        json.writeStartArray();
    }
}
