package io.jonbu.ohlcv.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One trade print as Alpaca's stream and REST API deliver it.
 *
 * @param symbol     ticker, upper case
 * @param timestamp  event time, epoch nanoseconds UTC (the SIP timestamp)
 * @param price      trade price
 * @param size       shares
 * @param exchange   exchange code ({@code V}, {@code Q}, ...)
 * @param id         trade id, unique per symbol, exchange and day
 * @param conditions sale-condition codes; an array (not a List) so Flink serializes it without Kryo
 * @param tape       consolidated tape: {@code A}, {@code B} or {@code C}
 */
public record Trade(
        String symbol,
        long timestamp,
        double price,
        long size,
        String exchange,
        long id,
        String[] conditions,
        String tape) {

    private static final String[] NO_CONDITIONS = new String[0];

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        conditions = conditions == null ? NO_CONDITIONS : conditions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trade t
                && timestamp == t.timestamp
                && Double.compare(price, t.price) == 0
                && size == t.size
                && id == t.id
                && symbol.equals(t.symbol)
                && Objects.equals(exchange, t.exchange)
                && Arrays.equals(conditions, t.conditions)
                && Objects.equals(tape, t.tape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, timestamp, price, size, exchange, id, Arrays.hashCode(conditions), tape);
    }

    @Override
    public String toString() {
        return "Trade[" + symbol + " " + EpochNanos.format(timestamp) + " " + price + " x " + size
                + " x=" + exchange + " i=" + id + " c=" + Arrays.toString(conditions) + " z=" + tape + "]";
    }
}
