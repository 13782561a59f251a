package io.jonbu.ohlcv.model;

import java.util.Objects;

/**
 * The withdrawal of an earlier trade print (Alpaca's {@code "T":"x"} message): a cancel ({@code C})
 * or an error ({@code E}); either way the print no longer counts. {@code timestamp} is the cancelled
 * trade's event time, as Alpaca sends it.
 *
 * @param symbol    ticker
 * @param timestamp the cancelled trade's event time, epoch nanoseconds UTC
 * @param exchange  exchange code of the cancelled print
 * @param tape      consolidated tape
 * @param id        the cancelled trade's id ({@code i})
 * @param price     its price ({@code p})
 * @param size      its size ({@code s})
 * @param action    {@code C} (cancel) or {@code E} (error) ({@code a})
 */
public record TradeCancel(
        String symbol,
        long timestamp,
        String exchange,
        String tape,
        long id,
        double price,
        long size,
        String action) {

    public static final String CANCEL = "C";
    public static final String ERROR = "E";

    public TradeCancel {
        Objects.requireNonNull(symbol, "symbol");
    }

    @Override
    public String toString() {
        return "TradeCancel[" + action + " " + symbol + " " + EpochNanos.format(timestamp) + " x=" + exchange
                + " i=" + id + " " + price + " x " + size + "]";
    }
}
