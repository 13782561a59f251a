package io.jonbu.ohlcv.model;

/**
 * Which trades a daily candle is built from. {@link #FULL_DAY}, Alpaca's daily-bar convention, takes
 * the whole New York day (pre-market, regular and after hours, each print as its sale conditions
 * allow); {@link #REGULAR} takes only the 09:30-16:00 session, the candle most charting tools call
 * "the day" and the one whose open and close match the exchanges' opening and closing prices.
 */
public enum DailySession {
    FULL_DAY,
    REGULAR
}
