package io.jonbu.ohlcv.model.csv;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * The CSV form of final candles, as {@code jonbu replay} writes them. Prices print as the shortest
 * decimal that reads back to the same double; VWAP, a quotient, is rounded to 6 decimals so the file
 * does not depend on the order in which floating-point sums were taken.
 */
public final class CandleCsv {
    public static final String HEADER = "symbol,timeframe,start,open,high,low,close,volume,trade_count,vwap";

    /** Symbol, then timeframe from short to long, then start. */
    public static final Comparator<Candle> ORDER = Comparator.comparing(Candle::symbol)
            .thenComparing(Candle::timeframe)
            .thenComparingLong(Candle::start);

    private CandleCsv() {}

    public static String row(Candle c) {
        return c.symbol() + ',' + c.timeframe().label() + ',' + EpochNanos.format(c.start()) + ','
                + price(c.open()) + ',' + price(c.high()) + ',' + price(c.low()) + ',' + price(c.close()) + ','
                + c.volume() + ',' + c.tradeCount() + ','
                + BigDecimal.valueOf(c.vwap()).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String price(double p) {
        return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }
}
