package io.jonbu.ohlcv.job.testing;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;

/** Short-hand for trades in tests. */
public final class Trades {
    private Trades() {}

    public static Trade trade(String symbol, String time, double price, long size, long id) {
        return new Trade(symbol, EpochNanos.parse(time), price, size, "V", id, new String[] {"@"}, "C");
    }

    public static long millis(String time) {
        return EpochNanos.toMillis(EpochNanos.parse(time));
    }
}
