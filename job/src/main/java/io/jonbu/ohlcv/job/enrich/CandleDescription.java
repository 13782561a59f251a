package io.jonbu.ohlcv.job.enrich;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.MarketClock;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import java.time.LocalDate;

/**
 * One line of plain English about an enriched candle, for people and for text-embedding models,
 * for example {@code AAPL 1m candle at 2025-07-14 10:30 EDT: close $150.25 (+0.5%), volume 1.2M;
 * RSI 71 overbought; MACD bullish crossover; hammer; uptrend (slope +15 deg); testing resistance at
 * $150.40 on high volume}. Deterministic: the same inputs give the same text, in any locale.
 *
 * <p>The clauses, each only when its inputs are known:
 * <ul>
 *   <li>the candle's start in New York time with EDT/EST; the close (two decimals), its change
 *       from the previous close (one decimal); the volume rounded to K, M or B;
 *   <li>RSI(14), rounded, {@code overbought} above {@value #OVERBOUGHT}, {@code oversold} below
 *       {@value #OVERSOLD};
 *   <li>a MACD crossover: the MACD line crossing above (bullish) or below (bearish) its signal line
 *       on this candle;
 *   <li>the candlestick patterns, underscores read as spaces;
 *   <li>the regime (uptrend, downtrend, ranging, volatile) with the trend angle;
 *   <li>{@code testing resistance} ({@code support}) when the close is within
 *       {@value #NEAR_LEVEL} (0.2%) of it, {@code on high volume} when the volume is at least
 *       {@value #HIGH_VOLUME_RATIO} times its 20-candle average.
 * </ul>
 * Numbers are formatted by hand rather than with {@code String.format}, which is locale-dependent
 * and would allocate on every candle.
 */
public final class CandleDescription {
    public static final double OVERBOUGHT = 70;
    public static final double OVERSOLD = 30;
    public static final double NEAR_LEVEL = 0.002;
    public static final double HIGH_VOLUME_RATIO = 1.5;

    private static final long SECONDS_PER_DAY = 24 * 60 * 60;
    private static final char[] VOLUME_UNITS = {'K', 'M', 'B'};

    private CandleDescription() {}

    /**
     * @param previousClose  the series' close before {@code c}, NaN for its first candle
     * @param previousMacd   the MACD line before {@code c}, NaN before its warm-up
     * @param previousSignal the MACD signal before {@code c}, NaN before its warm-up
     */
    public static String of(Candle c, double[] indicators, String[] patterns, MarketContext context,
                            double previousClose, double previousMacd, double previousSignal) {
        StringBuilder s = new StringBuilder(160);
        s.append(c.symbol()).append(' ').append(c.timeframe().label()).append(" candle at ");
        appendTime(s, c.start());
        s.append(": close ");
        appendPrice(s, c.close());
        if (Double.isFinite(previousClose) && previousClose != 0) {
            s.append(" (");
            appendSigned(s, (c.close() / previousClose - 1) * 100, 1);
            s.append("%)");
        }
        s.append(", volume ");
        appendVolume(s, c.volume());

        double rsi = indicators[IndicatorKey.RSI_14.ordinal()];
        if (!Double.isNaN(rsi)) {
            s.append("; RSI ").append(Math.round(rsi));
            if (rsi > OVERBOUGHT) {
                s.append(" overbought");
            } else if (rsi < OVERSOLD) {
                s.append(" oversold");
            }
        }

        double macd = indicators[IndicatorKey.MACD.ordinal()];
        double signal = indicators[IndicatorKey.MACD_SIGNAL.ordinal()];
        if (previousMacd <= previousSignal && macd > signal) {
            s.append("; MACD bullish crossover");
        } else if (previousMacd >= previousSignal && macd < signal) {
            s.append("; MACD bearish crossover");
        }

        for (int i = 0; i < patterns.length; i++) {
            s.append(i == 0 ? "; " : ", ");
            appendWords(s, patterns[i]);
        }

        if (context.regime() != null) {
            s.append("; ").append(switch (context.regime()) {
                case TRENDING_UP -> "uptrend";
                case TRENDING_DOWN -> "downtrend";
                case RANGING -> "ranging";
                case VOLATILE -> "volatile";
            }).append(" (slope ");
            appendSigned(s, context.trendSlopeDeg(), 0);
            s.append(" deg)");
        }

        boolean highVolume = c.volume() >= HIGH_VOLUME_RATIO * indicators[IndicatorKey.VOLUME_SMA_20.ordinal()];
        appendTesting(s, "resistance", context.resistance(), c.close(), highVolume);
        appendTesting(s, "support", context.support(), c.close(), highVolume);
        return s.toString();
    }

    private static void appendTesting(StringBuilder s, String what, double level, double close, boolean highVolume) {
        if (Math.abs(level - close) <= NEAR_LEVEL * close) {
            s.append("; testing ").append(what).append(" at ");
            appendPrice(s, level);
            if (highVolume) {
                s.append(" on high volume");
            }
        }
    }

    /** {@code 2025-07-14 10:30 EDT}. */
    private static void appendTime(StringBuilder s, long epochNanos) {
        long local = MarketClock.localSeconds(epochNanos);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY));
        long minuteOfDay = Math.floorMod(local, SECONDS_PER_DAY) / 60;
        s.append(date.getYear()).append('-');
        appendTwoDigits(s, date.getMonthValue());
        s.append('-');
        appendTwoDigits(s, date.getDayOfMonth());
        s.append(' ');
        appendTwoDigits(s, (int) (minuteOfDay / 60));
        s.append(':');
        appendTwoDigits(s, (int) (minuteOfDay % 60));
        s.append(' ').append(MarketClock.zoneAbbreviation(epochNanos));
    }

    private static void appendTwoDigits(StringBuilder s, int v) {
        s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void appendPrice(StringBuilder s, double price) {
        s.append('$');
        appendFixed(s, price, 2);
    }

    /** {@code 950}, {@code 1.2K}, {@code 3.4M}, {@code 1.0B}: the unit that keeps the rounded mantissa under 1000. */
    private static void appendVolume(StringBuilder s, long volume) {
        if (volume < 1000) {
            s.append(volume);
            return;
        }
        double v = volume;
        for (char unit : VOLUME_UNITS) {
            v /= 1000;
            if (Math.round(v * 10) < 10_000 || unit == 'B') {
                appendFixed(s, v, 1);
                s.append(unit);
                return;
            }
        }
    }

    /** A leading + or - unless the value rounds to zero. */
    private static void appendSigned(StringBuilder s, double x, int decimals) {
        if (Math.round(Math.abs(x) * Math.pow(10, decimals)) != 0) {
            s.append(x < 0 ? '-' : '+');
        }
        appendFixed(s, Math.abs(x), decimals);
    }

    /** {@code x} rounded half up to {@code decimals} places, all of them written. */
    private static void appendFixed(StringBuilder s, double x, int decimals) {
        if (x < 0) {
            s.append('-');
            x = -x;
        }
        long scale = (long) Math.pow(10, decimals);
        long scaled = Math.round(x * scale);
        s.append(scaled / scale);
        if (decimals > 0) {
            s.append('.');
            long fraction = scaled % scale;
            for (long digit = scale / 10; digit > 0; digit /= 10) {
                s.append((char) ('0' + fraction / digit % 10));
            }
        }
    }

    private static void appendWords(StringBuilder s, String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            s.append(ch == '_' ? ' ' : ch);
        }
    }
}
