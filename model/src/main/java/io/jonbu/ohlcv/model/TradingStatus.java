package io.jonbu.ohlcv.model;

import java.util.Objects;

/**
 * A change of a symbol's trading status ({@code "T":"s"}): a halt, a resumption, a quotation-only
 * period, with the exchange's reason.
 *
 * @param symbol        ticker ({@code S})
 * @param timestamp     event time, epoch nanoseconds UTC ({@code t})
 * @param statusCode    {@code sc}, e.g. {@code H} (halted), {@code T} (trading)
 * @param statusMessage {@code sm}
 * @param reasonCode    {@code rc}, e.g. {@code T1}; may be empty
 * @param reasonMessage {@code rm}; may be empty
 * @param tape          consolidated tape ({@code z})
 */
public record TradingStatus(
        String symbol,
        long timestamp,
        String statusCode,
        String statusMessage,
        String reasonCode,
        String reasonMessage,
        String tape) {

    public TradingStatus {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(statusCode, "statusCode");
    }

    @Override
    public String toString() {
        return "TradingStatus[" + symbol + " " + EpochNanos.format(timestamp) + " " + statusCode + " (" + statusMessage
                + ") reason " + reasonCode + " (" + reasonMessage + ") z=" + tape + "]";
    }
}
