package io.jonbu.ohlcv.source.rest;

/**
 * One bar as Alpaca's historical API returns it ({@code {"t","o","h","l","c","v","n","vw"}}), with the
 * symbol taken from the request or the enclosing key.
 *
 * @param symbol     ticker
 * @param start      interval start, epoch nanoseconds UTC (Alpaca's {@code t})
 * @param volume     shares traded
 * @param tradeCount trades in the interval ({@code n})
 * @param vwap       volume-weighted average price ({@code vw})
 */
public record AlpacaBar(
        String symbol,
        long start,
        double open,
        double high,
        double low,
        double close,
        long volume,
        long tradeCount,
        double vwap) {}
