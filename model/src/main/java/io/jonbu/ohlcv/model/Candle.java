package io.jonbu.ohlcv.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jonbu.ohlcv.model.json.Rfc3339Json;

/**
 * An OHLCV candle of one symbol over one timeframe interval {@code [start, end)}.
 *
 * <p>{@code open} is the price of the earliest trade by event time and {@code close} of the latest
 * (ties broken by trade id), whatever order the trades arrived in. {@code vwap} is
 * {@code sum(price * size) / volume}. {@code isFinal} is true once the event-time watermark has
 * passed {@code end}; a late trade accepted within the allowed lateness re-emits the candle with
 * {@code revision} incremented, and sinks upsert, so the newest revision wins. {@code session} says
 * which trading session the candle covers ({@link MarketSession#ofCandle}), so extended-hours
 * candles can be told apart or filtered out.
 *
 * @param start epoch nanoseconds UTC, inclusive
 * @param end   epoch nanoseconds UTC, exclusive
 */
@JsonPropertyOrder({"symbol", "timeframe", "start", "end", "open", "high", "low", "close", "volume",
        "trade_count", "vwap", "final", "revision", "session"})
public record Candle(
        String symbol,
        Timeframe timeframe,
        @JsonSerialize(using = Rfc3339Json.Serializer.class) @JsonDeserialize(using = Rfc3339Json.Deserializer.class)
        long start,
        @JsonSerialize(using = Rfc3339Json.Serializer.class) @JsonDeserialize(using = Rfc3339Json.Deserializer.class)
        long end,
        double open,
        double high,
        double low,
        double close,
        long volume,
        @JsonProperty("trade_count") long tradeCount,
        double vwap,
        @JsonProperty("final") boolean isFinal,
        int revision,
        MarketSession session) {

    /** A candle of the default {@link DailySession#FULL_DAY} build, its session derived from its timeframe and start. */
    public Candle(String symbol, Timeframe timeframe, long start, long end, double open, double high, double low,
            double close, long volume, long tradeCount, double vwap, boolean isFinal, int revision) {
        this(symbol, timeframe, start, end, open, high, low, close, volume, tradeCount, vwap, isFinal, revision,
                MarketSession.ofCandle(timeframe, start, DailySession.FULL_DAY));
    }
}
