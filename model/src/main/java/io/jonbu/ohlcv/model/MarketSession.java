package io.jonbu.ohlcv.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The US equity trading session an instant falls in, by New York wall-clock time on weekdays:
 * pre-market 04:00-09:30, regular 09:30-16:00, after hours 16:00-20:00, closed otherwise and all
 * weekend. Exchange holidays are not known here (there is no calendar), so a holiday reads as its
 * weekday's sessions. A candle's session is that of its start, so a daily candle (starting at New
 * York midnight) is {@link #CLOSED}.
 */
public enum MarketSession {
    PRE_MARKET("pre_market"),
    REGULAR("regular"),
    AFTER_HOURS("after_hours"),
    CLOSED("closed"),
    /** Never an instant's session: it labels a daily candle built from every session of its day. */
    FULL_DAY("full_day");

    private static final int SECONDS_PER_DAY = 24 * 60 * 60;
    private static final int PRE_MARKET_OPEN = 4 * 3600;
    private static final int REGULAR_OPEN = 9 * 3600 + 30 * 60;
    private static final int REGULAR_CLOSE = 16 * 3600;
    private static final int AFTER_HOURS_CLOSE = 20 * 3600;
    /** 1970-01-01 was a Thursday: with this shift, day 0 of the week is Monday. */
    private static final int EPOCH_DAY_TO_MONDAY_BASED = 3;

    /** values() copies its array each call, and the API reads a session per candle. */
    private static final MarketSession[] ALL = values();

    private final String jsonName;

    MarketSession(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static MarketSession byJsonName(String name) {
        for (MarketSession s : ALL) {
            if (s.jsonName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown session '" + name + "'");
    }

    /**
     * The session a candle belongs to: an intraday candle's is that of its start (a 1h candle from
     * 09:00 New York time is pre-market though it ends in the regular session); a daily candle's is
     * {@link #REGULAR} or {@link #FULL_DAY}, as it was built.
     */
    public static MarketSession ofCandle(Timeframe timeframe, long start, DailySession daily) {
        if (timeframe != Timeframe.D1) {
            return of(start);
        }
        return daily == DailySession.REGULAR ? REGULAR : FULL_DAY;
    }

    public static MarketSession of(long epochNanos) {
        long local = MarketClock.localSeconds(epochNanos);
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        if (Math.floorMod(day + EPOCH_DAY_TO_MONDAY_BASED, 7) >= 5) {
            return CLOSED;
        }
        long second = Math.floorMod(local, SECONDS_PER_DAY);
        if (second < PRE_MARKET_OPEN) {
            return CLOSED;
        }
        if (second < REGULAR_OPEN) {
            return PRE_MARKET;
        }
        if (second < REGULAR_CLOSE) {
            return REGULAR;
        }
        return second < AFTER_HOURS_CLOSE ? AFTER_HOURS : CLOSED;
    }
}
