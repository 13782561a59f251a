package io.jonbu.ohlcv.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jonbu.ohlcv.model.json.Rfc3339Json;
import java.util.Arrays;
import java.util.Objects;

/**
 * A national best bid and offer update as Alpaca's stream delivers it ({@code "T":"q"}). Quotes far
 * outnumber trades, so the job passes them on to Kafka (as this record's JSON, the time in RFC 3339)
 * and keeps none.
 *
 * @param symbol       ticker ({@code S})
 * @param timestamp    event time, epoch nanoseconds UTC ({@code t})
 * @param bidExchange  {@code bx}
 * @param bidPrice     {@code bp}; 0 when there is no bid
 * @param bidSize      {@code bs}
 * @param askExchange  {@code ax}
 * @param askPrice     {@code ap}; 0 when there is no offer
 * @param askSize      {@code as}
 * @param conditions   quote condition codes ({@code c}); an array so Flink needs no Kryo
 * @param tape         consolidated tape ({@code z})
 */
public record Quote(
        String symbol,
        @JsonSerialize(using = Rfc3339Json.Serializer.class) @JsonDeserialize(using = Rfc3339Json.Deserializer.class)
        long timestamp,
        @JsonProperty("bid_exchange") String bidExchange,
        @JsonProperty("bid_price") double bidPrice,
        @JsonProperty("bid_size") long bidSize,
        @JsonProperty("ask_exchange") String askExchange,
        @JsonProperty("ask_price") double askPrice,
        @JsonProperty("ask_size") long askSize,
        String[] conditions,
        String tape) {

    private static final String[] NO_CONDITIONS = new String[0];

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        conditions = conditions == null ? NO_CONDITIONS : conditions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quote q
                && timestamp == q.timestamp
                && Double.compare(bidPrice, q.bidPrice) == 0
                && bidSize == q.bidSize
                && Double.compare(askPrice, q.askPrice) == 0
                && askSize == q.askSize
                && symbol.equals(q.symbol)
                && Objects.equals(bidExchange, q.bidExchange)
                && Objects.equals(askExchange, q.askExchange)
                && Arrays.equals(conditions, q.conditions)
                && Objects.equals(tape, q.tape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, timestamp, bidExchange, bidPrice, bidSize, askExchange, askPrice, askSize,
                Arrays.hashCode(conditions), tape);
    }

    @Override
    public String toString() {
        return "Quote[" + symbol + " " + EpochNanos.format(timestamp) + " " + bidPrice + " x " + bidSize + " (" + bidExchange
                + ") / " + askPrice + " x " + askSize + " (" + askExchange + ") c=" + Arrays.toString(conditions)
                + " z=" + tape + "]";
    }
}
