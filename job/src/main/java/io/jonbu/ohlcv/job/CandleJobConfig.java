package io.jonbu.ohlcv.job;

import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.tape.SaleConditionRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the candle job treats time.
 *
 * @param timeframes      candles to build
 * @param outOfOrderness  how far behind the newest trade a trade may arrive and still be on time
 * @param idleTimeout     silence after which event time follows the wall clock (0 = never, the default:
 *                        see {@link io.jonbu.ohlcv.job.feed.TradeWatermarks} for the risk)
 * @param allowedLateness how long a closed candle still accepts late trades, re-emitted as revisions
 * @param saleConditions  which trades may set prices and add volume
 * @param dailySession    which trades daily candles are built from: the full New York day or its regular session
 * @param correctionHorizon how long (event time) a trade can still be corrected or cancelled: its
 *                        print is kept that long after its minute, and its candles at least that
 *                        long after their end; 0 keeps nothing and reports every correction unapplied
 * @param partialUpdates  how often a symbol's forming candles are sent as {@code final:false} updates for
 *                        the live stream (processing time); 0 for none, the default (a batch run has no use for them)
 * @param enrichment      whether final candles are enriched (indicators, candlestick and chart patterns), the
 *                        default; without it the job builds candles only, for users who need no indicators
 */
public record CandleJobConfig(
        List<Timeframe> timeframes, Duration outOfOrderness, Duration idleTimeout, Duration allowedLateness,
        SaleConditionRules saleConditions, DailySession dailySession, Duration correctionHorizon,
        Duration partialUpdates, boolean enrichment) {

    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(2);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ZERO;
    /**
     * Most corrections and cancels follow their trade within seconds to a few minutes; five minutes
     * of prints is a few hundred kilobytes per busy symbol.
     */
    public static final Duration DEFAULT_CORRECTION_HORIZON = Duration.ofMinutes(5);

    public CandleJobConfig {
        List<String> errors = new ArrayList<>();
        if (timeframes == null || timeframes.isEmpty()) {
            errors.add("timeframes: must not be empty");
        }
        if (outOfOrderness == null || outOfOrderness.isNegative()) {
            errors.add("outOfOrderness: must be zero or more");
        }
        if (idleTimeout == null || idleTimeout.isNegative()) {
            errors.add("idleTimeout: must be zero or more");
        }
        if (allowedLateness == null || allowedLateness.isNegative()) {
            errors.add("allowedLateness: must be zero or more");
        }
        if (saleConditions == null) {
            errors.add("saleConditions: must be set");
        }
        if (dailySession == null) {
            errors.add("dailySession: must be set");
        }
        if (correctionHorizon == null || correctionHorizon.isNegative()) {
            errors.add("correctionHorizon: must be zero or more");
        }
        if (partialUpdates == null || partialUpdates.isNegative()) {
            errors.add("partialUpdates: must be zero or more");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        timeframes = List.copyOf(timeframes);
    }

    /**
     * All timeframes, 2 s out-of-orderness, no wall-clock advance, no allowed lateness, the tape
     * plans' rules, daily candles over the full day (as Alpaca's daily bars), a 5-minute correction
     * horizon, enriched.
     */
    public static CandleJobConfig defaults() {
        return new CandleJobConfig(List.of(Timeframe.values()), DEFAULT_OUT_OF_ORDERNESS, DEFAULT_IDLE_TIMEOUT, Duration.ZERO,
                SaleConditionRules.TAPE_PLAN, DailySession.FULL_DAY, DEFAULT_CORRECTION_HORIZON, Duration.ZERO, true);
    }

    public CandleJobConfig withTimeframes(List<Timeframe> frames) {
        return new CandleJobConfig(frames, outOfOrderness, idleTimeout, allowedLateness, saleConditions, dailySession, correctionHorizon, partialUpdates, enrichment);
    }

    public CandleJobConfig withOutOfOrderness(Duration bound) {
        return new CandleJobConfig(timeframes, bound, idleTimeout, allowedLateness, saleConditions, dailySession, correctionHorizon, partialUpdates, enrichment);
    }

    public CandleJobConfig withIdleTimeout(Duration timeout) {
        return new CandleJobConfig(timeframes, outOfOrderness, timeout, allowedLateness, saleConditions, dailySession, correctionHorizon, partialUpdates, enrichment);
    }

    public CandleJobConfig withAllowedLateness(Duration lateness) {
        return new CandleJobConfig(timeframes, outOfOrderness, idleTimeout, lateness, saleConditions, dailySession, correctionHorizon, partialUpdates, enrichment);
    }

    public CandleJobConfig withSaleConditions(SaleConditionRules rules) {
        return new CandleJobConfig(timeframes, outOfOrderness, idleTimeout, allowedLateness, rules, dailySession, correctionHorizon, partialUpdates, enrichment);
    }

    public CandleJobConfig withDailySession(DailySession session) {
        return new CandleJobConfig(timeframes, outOfOrderness, idleTimeout, allowedLateness, saleConditions, session, correctionHorizon, partialUpdates, enrichment);
    }

    public CandleJobConfig withCorrectionHorizon(Duration horizon) {
        return new CandleJobConfig(timeframes, outOfOrderness, idleTimeout, allowedLateness, saleConditions, dailySession, horizon, partialUpdates, enrichment);
    }

    public CandleJobConfig withPartialUpdates(Duration every) {
        return new CandleJobConfig(timeframes, outOfOrderness, idleTimeout, allowedLateness, saleConditions, dailySession, correctionHorizon,
                every, enrichment);
    }

    public CandleJobConfig withEnrichment(boolean enriched) {
        return new CandleJobConfig(timeframes, outOfOrderness, idleTimeout, allowedLateness, saleConditions, dailySession, correctionHorizon,
                partialUpdates, enriched);
    }
}
