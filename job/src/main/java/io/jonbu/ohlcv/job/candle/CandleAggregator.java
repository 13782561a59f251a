package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.tape.SaleConditionRules;
import io.jonbu.ohlcv.model.tape.TradeEligibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Builds the candles of every configured timeframe for one symbol in a single keyed operator: one
 * shuffle for all timeframes, O(1) work per trade per timeframe, and one event-time timer per
 * window end (shared by timeframes that end together).
 *
 * <p>Windows follow Flink's own event-time window rules: a candle is emitted, final, when the
 * watermark passes its last instant; it is kept for the allowed lateness after that, and a late
 * trade within it re-emits the candle with its revision incremented. A trade later than that goes
 * to {@link #LATE_TRADES}. Lateness is judged on the shortest timeframe and the trade is then taken
 * by all timeframes or none.
 *
 * <p>What a trade may update follows its sale conditions ({@link SaleConditionRules}): daily candles
 * and regular-hours intraday candles use the consolidated-tape plans' rules; outside regular hours,
 * intraday candles also take prices from Form T trades. A window whose trades set no price (odd lots
 * only) makes no candle, so a longer candle's volume can exceed the sum of its shorter ones'. With
 * {@link DailySession#REGULAR}, daily candles take only the trades of the regular session.
 *
 * <p><b>Corrections and cancels.</b> A candle's open, high, low and close cannot be taken back
 * without the prints, so the prints of the last {@code correctionHorizon} of event time are
 * retained, per minute ({@link RetainedPrints}), and each candle is kept as a frozen part (the
 * prints no longer retained, folded in as their minute expires) plus the retained prints in it. A
 * correction or cancel of a retained print changes that print and rebuilds every timeframe's candle
 * around it exactly, as frozen part merged with the rebuilt rest; a candle already emitted is
 * re-emitted with its revision incremented. A print's minute expires when the watermark passes the
 * minute's end plus the horizon; candles are kept until the larger of allowed lateness and horizon
 * has passed after their end. Neither needs a timer of its own: both are done when the symbol is
 * next touched, before anything else (see {@code catchUp}), and by a cleanup timer every five
 * minutes of event time at most, so a symbol's timers are its candles' ends and a few. Every
 * correction and cancel is reported on {@link #CORRECTIONS}: applied, or why not (unknown trade,
 * beyond the horizon). With a zero horizon nothing is retained and the trade path does no extra
 * work.
 *
 * <p><b>Tape snapshots.</b> After a gap in the stream the source re-reads the tape over a window
 * before it ({@link TapeSnapshot}): corrections and cancels filed during the gap reach the job only
 * that way. The retained prints of the window are made to match it, and the candles revised, as
 * for a correction (see {@code reconcile}).
 *
 * <p><b>Live partial updates.</b> With a partial interval, a symbol that traded gets its forming
 * candles emitted with {@code final:false} (revision unchanged) at most once per interval of
 * processing time: one processing-time timer per symbol and interval boundary, whatever the trade
 * rate, so a chart moves within the interval while the stream stays bounded. Closed candles are
 * never sent as partial; the store keeps only final candles (see the sinks).
 */
public final class CandleAggregator extends KeyedProcessFunction<String, FeedEvent, Candle> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<Trade> LATE_TRADES = new OutputTag<>("late-trades", TypeInformation.of(Trade.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final OutputTag<CorrectionOutcome> CORRECTIONS =
            new OutputTag<>("corrections", TypeInformation.of(CorrectionOutcome.class)) {
                private static final long serialVersionUID = 1L;
            };
    public static final String CANDLES_ACCUMULATOR = "candles";
    public static final String LATE_TRADES_ACCUMULATOR = "late-trades";
    public static final String UNAPPLIED_CORRECTIONS_ACCUMULATOR = "unapplied-corrections";

    private static final long MINUTE = Timeframe.M1.nominalNanos();
    /** The step of cleanup timers (ms): see {@link #noteDue}. */
    private static final long CLEANUP_GRID_MILLIS = Duration.ofMinutes(5).toMillis();

    private final Timeframe[] timeframes;
    private final long allowedLatenessMillis;
    private final long horizonMillis;
    /** How long after its end a candle stays in state: for late trades and for corrections. */
    private final long keepMillis;
    private final SaleConditionRules rules;
    private final DailySession dailySession;
    /** Processing-time milliseconds between partial updates of a symbol's forming candles; 0 for none. */
    private final long partialMillis;

    /**
     * The symbol's candles, their frozen parts (the prints no longer retained, only with a horizon)
     * and its retained prints by minute (only with a horizon): one value, read once and written once
     * per event.
     */
    private transient ValueState<SymbolCandles> state;
    private transient Counter lateTrades;
    private transient Counter revisions;
    private transient Counter correctionsApplied;
    private transient Counter correctionsUnapplied;
    private transient Counter reconciledPrintsAdded;
    private transient Counter reconcileFrozenPrints;
    private transient LongCounter candlesEmitted;
    /** Per timeframe, by ordinal: the {@code timeframe} label of {@code candlesEmitted}. */
    private transient Counter[] emittedPerTimeframe;
    /**
     * The newest trade's event time this subtask has seen (nanoseconds), for {@code eventTimeLag};
     * Long.MIN_VALUE before the first. Plain, not volatile: it is written per trade, and the gauge's
     * reporter thread may read a value a moment old.
     */
    private transient long newestTradeNanos;
    private transient LongCounter lateTradesTotal;
    private transient LongCounter unappliedTotal;

    /**
     * @param timeframes        the timeframes to build (any subset, any order)
     * @param allowedLateness   how long after a candle's end a late trade still revises it
     * @param correctionHorizon how long (event time, after the print's minute) a print can still be
     *                          corrected or cancelled; zero retains nothing
     * @param rules             which trades may set prices and add volume
     * @param dailySession      which trades daily candles take
     */
    public CandleAggregator(List<Timeframe> timeframes, Duration allowedLateness, Duration correctionHorizon, SaleConditionRules rules,
            DailySession dailySession) {
        this(timeframes, allowedLateness, correctionHorizon, rules, dailySession, Duration.ZERO);
    }

    /** @param partialUpdates how often a symbol's forming candles are sent as partial updates; zero for never */
    public CandleAggregator(List<Timeframe> timeframes, Duration allowedLateness, Duration correctionHorizon, SaleConditionRules rules,
            DailySession dailySession, Duration partialUpdates) {
        if (partialUpdates.isNegative()) {
            throw new IllegalArgumentException("partialUpdates: must not be negative");
        }
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("timeframes: must not be empty");
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowedLateness: must not be negative");
        }
        if (correctionHorizon.isNegative()) {
            throw new IllegalArgumentException("correctionHorizon: must not be negative");
        }
        this.timeframes = timeframes.stream().distinct().sorted().toArray(Timeframe[]::new);
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.horizonMillis = correctionHorizon.toMillis();
        this.keepMillis = Math.max(allowedLatenessMillis, horizonMillis);
        this.rules = rules;
        this.dailySession = dailySession;
        this.partialMillis = partialUpdates.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        // a new name for a new layout: a savepoint of the map states per candle and minute
        // ("open-candles-by-minute" and the rest) restores none of them rather than misreading them
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("symbol-candles", new SymbolCandlesSerializer()));
        lateTrades = getRuntimeContext().getMetricGroup().counter("lateTrades");
        revisions = getRuntimeContext().getMetricGroup().counter("candleRevisions");
        correctionsApplied = getRuntimeContext().getMetricGroup().counter("correctionsApplied");
        correctionsUnapplied = getRuntimeContext().getMetricGroup().counter("correctionsUnapplied");
        reconciledPrintsAdded = getRuntimeContext().getMetricGroup().counter("reconciledPrintsAdded");
        reconcileFrozenPrints = getRuntimeContext().getMetricGroup().counter("reconcileFrozenPrints");
        candlesEmitted = getRuntimeContext().getLongCounter(CANDLES_ACCUMULATOR);
        emittedPerTimeframe = new Counter[Timeframe.values().length];
        for (Timeframe tf : timeframes) {
            emittedPerTimeframe[tf.ordinal()] = getRuntimeContext().getMetricGroup().addGroup("timeframe", tf.label()).counter("candlesEmitted");
        }
        // how far the newest trade's event time trails the wall clock (ms): the feed's delay; -1 before the first trade
        newestTradeNanos = Long.MIN_VALUE;
        Gauge<Long> eventTimeLag = () -> {
            long newest = newestTradeNanos;
            return newest == Long.MIN_VALUE ? -1L : System.currentTimeMillis() - EpochNanos.toMillis(newest);
        };
        getRuntimeContext().getMetricGroup().gauge("eventTimeLag", eventTimeLag);
        lateTradesTotal = getRuntimeContext().getLongCounter(LATE_TRADES_ACCUMULATOR);
        unappliedTotal = getRuntimeContext().getLongCounter(UNAPPLIED_CORRECTIONS_ACCUMULATOR);
    }

    @Override
    public void processElement(FeedEvent event, Context ctx, Collector<Candle> out) throws Exception {
        if (event.isTrade()) {
            onTrade(event.trade(), ctx, out);
            return;
        }
        SymbolCandles s = load();
        catchUp(s, ctx.timerService().currentWatermark());
        if (event.snapshot() != null) {
            reconcile(s, event.snapshot(), ctx, out);
            save(s);
            return;
        }
        TradeCorrection correction = event.correction();
        TradeCancel cancel = event.cancel();
        CorrectionOutcome outcome = correction != null
                ? revise(s, correction, null, correction.timestamp(), correction.originalId(), correction.exchange(), correction.corrected(), ctx, out)
                : revise(s, null, cancel, cancel.timestamp(), cancel.id(), cancel.exchange(), null, ctx, out);
        save(s);
        if (outcome.applied()) {
            correctionsApplied.inc();
        } else {
            correctionsUnapplied.inc();
            unappliedTotal.add(1);
        }
        ctx.output(CORRECTIONS, outcome);
    }

    private SymbolCandles load() throws Exception {
        SymbolCandles s = state.value();
        return s == null ? new SymbolCandles() : s;
    }

    /** Writes the state back (the heap backend hands out its own object, others a copy), or drops it once empty. */
    private void save(SymbolCandles s) throws Exception {
        if (s.isEmpty()) {
            state.clear();
        } else {
            state.update(s);
        }
    }

    private void onTrade(Trade trade, Context ctx, Collector<Candle> out) throws Exception {
        long ts = trade.timestamp();
        if (ts > newestTradeNanos) {
            newestTradeNanos = ts;
        }
        Timeframe shortest = timeframes[0];
        long watermark = ctx.timerService().currentWatermark();
        if (lastInstantMillis(shortest.end(shortest.start(ts))) + allowedLatenessMillis <= watermark) {
            lateTrades.inc();
            lateTradesTotal.add(1);
            ctx.output(LATE_TRADES, trade);
            return;
        }
        TradeEligibility plan = rules.eligibility(trade.tape(), trade.conditions());
        TradeEligibility intraday = intraday(plan, trade);
        TradeEligibility daily = daily(plan, trade);
        boolean counts = daily != TradeEligibility.NONE || intraday != TradeEligibility.NONE;
        if (horizonMillis == 0 && !counts) {
            return;
        }
        SymbolCandles s = load();
        catchUp(s, watermark);
        if (horizonMillis > 0) {
            retain(s, trade, daily, intraday, ctx);
        }
        if (counts) { // informational prints (official open and close) change no candle
            for (Timeframe tf : timeframes) {
                long start = tf.start(ts);
                CandleBuilder candle = s.open(tf, start);
                if (candle == null) {
                    candle = new CandleBuilder();
                    s.putOpen(tf, start, candle);
                    ctx.timerService().registerEventTimeTimer(lastInstantMillis(tf.end(start)));
                }
                candle.add(trade, tf == Timeframe.D1 ? daily : intraday);
                if (candle.closed && candle.priced) {
                    revisions.inc();
                    emit(out, candle, ctx.getCurrentKey(), tf, start);
                }
            }
        }
        save(s);
        if (counts && partialMillis > 0) {
            // timers of a key are unique by time: one per interval boundary however many trades come
            long now = ctx.timerService().currentProcessingTime();
            ctx.timerService().registerProcessingTimeTimer((now / partialMillis + 1) * partialMillis);
        }
    }

    private TradeEligibility intraday(TradeEligibility plan, Trade trade) {
        return plan == TradeEligibility.ALL || MarketSession.of(trade.timestamp()) == MarketSession.REGULAR
                ? plan
                : rules.extendedHoursIntraday(trade.tape(), trade.conditions());
    }

    /** Daily candles follow the plans' rules, and with {@link DailySession#REGULAR} take regular-hours trades only. */
    private TradeEligibility daily(TradeEligibility plan, Trade trade) {
        return dailySession == DailySession.FULL_DAY || MarketSession.of(trade.timestamp()) == MarketSession.REGULAR
                ? plan
                : TradeEligibility.NONE;
    }

    /**
     * Keeps the print in its minute; a print whose minute has already expired (a late trade, when
     * the allowed lateness exceeds the horizon) goes straight into the frozen parts of the longer
     * candles, which still have retained prints.
     */
    private void retain(SymbolCandles s, Trade trade, TradeEligibility daily, TradeEligibility intraday, Context ctx) {
        long minute = Timeframe.M1.start(trade.timestamp());
        if (expiresAtMillis(minute) <= ctx.timerService().currentWatermark()) {
            if (daily == TradeEligibility.NONE && intraday == TradeEligibility.NONE) {
                return;
            }
            for (Timeframe tf : timeframes) {
                long start = tf.start(minute);
                if (tf.end(start) > minute + MINUTE) {
                    s.frozenOrNew(tf, start).add(trade, tf == Timeframe.D1 ? daily : intraday);
                }
            }
            return;
        }
        retainedOrNew(s, minute, ctx).add(trade.timestamp(), trade.id(), trade.exchange(), trade.price(), trade.size(), daily, intraday);
    }

    /** The minute's retained prints; a minute without any gets an empty set and its expiry timer. */
    private RetainedPrints retainedOrNew(SymbolCandles s, long minute, Context ctx) {
        RetainedPrints prints = s.retained(minute);
        if (prints == null) {
            prints = new RetainedPrints();
            s.putRetained(minute, prints);
            noteDue(s, expiresAtMillis(minute), ctx.timerService());
        }
        return prints;
    }

    /**
     * Makes the retained prints of the snapshot's window what the tape now holds there: a retained
     * print the snapshot lacks was cancelled (or corrected under a new id) while the stream was
     * down, and goes; a snapshot print not retained (by exchange and id) is a corrected print or one
     * the stream never delivered, and comes in. The candles around every change are rebuilt as for a
     * correction and re-emitted with their revision incremented. A removed and an added print on the
     * same exchange at the same instant are reported as one correction, a removal alone as a cancel;
     * an addition alone is counted. Minutes already past the horizon (frozen) are skipped and their
     * snapshot prints counted, as a correction that comes too late is.
     */
    private void reconcile(SymbolCandles s, TapeSnapshot snapshot, Context ctx, Collector<Candle> out) {
        if (horizonMillis == 0) {
            reconcileFrozenPrints.inc(snapshot.trades().length);
            return;
        }
        Map<Long, List<Trade>> tapeByMinute = new TreeMap<>();
        for (Trade trade : snapshot.trades()) {
            tapeByMinute.computeIfAbsent(Timeframe.M1.start(trade.timestamp()), m -> new ArrayList<>()).add(trade);
        }
        Set<Long> minutes = new TreeSet<>(tapeByMinute.keySet());
        for (int i = 0; i < s.minuteCount; i++) {
            long minute = s.minutes[i];
            if (minute + MINUTE > snapshot.from() && minute < snapshot.to()) {
                minutes.add(minute);
            }
        }
        long watermark = ctx.timerService().currentWatermark();
        List<Trade> removed = new ArrayList<>();
        List<Trade> added = new ArrayList<>();
        for (long minute : minutes) {
            List<Trade> tape = tapeByMinute.getOrDefault(minute, List.of());
            if (expiresAtMillis(minute) <= watermark) {
                reconcileFrozenPrints.inc(tape.size());
                continue;
            }
            RetainedPrints prints = s.retained(minute);
            Set<PrintKey> onTape = new HashSet<>();
            tape.forEach(trade -> onTape.add(new PrintKey(trade.exchange(), trade.id())));
            // from the end: removing swaps the last print into the gap, and that one was seen already
            for (int i = prints == null ? -1 : prints.count - 1; i >= 0; i--) {
                if (snapshot.covers(prints.times[i]) && !onTape.contains(new PrintKey(prints.exchanges[i], prints.ids[i]))) {
                    removed.add(new Trade(snapshot.symbol(), prints.times[i], prints.prices[i], prints.sizes[i],
                            prints.exchanges[i], prints.ids[i], null, null));
                    prints.remove(i);
                }
            }
            for (Trade trade : tape) {
                if (prints == null || prints.indexOf(trade.id(), trade.exchange()) < 0) {
                    prints = prints == null ? retainedOrNew(s, minute, ctx) : prints;
                    TradeEligibility plan = rules.eligibility(trade.tape(), trade.conditions());
                    prints.add(trade.timestamp(), trade.id(), trade.exchange(), trade.price(), trade.size(),
                            daily(plan, trade), intraday(plan, trade));
                    added.add(trade);
                }
            }
        }
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        List<Timeframe> emptied = new ArrayList<>();
        for (Timeframe tf : timeframes) {
            Set<Long> starts = new TreeSet<>();
            removed.forEach(trade -> starts.add(tf.start(trade.timestamp())));
            added.forEach(trade -> starts.add(tf.start(trade.timestamp())));
            for (long start : starts) {
                if (rebuild(s, tf, start, ctx, out) && !emptied.contains(tf)) {
                    emptied.add(tf);
                }
            }
        }
        String reason = CorrectionOutcome.RECONCILED + (emptied.isEmpty() ? ""
                : "; no print left sets a price in an emitted " + emptied + " candle: its last revision stands");
        for (Trade original : removed) {
            Trade corrected = takeSameInstant(added, original);
            CorrectionOutcome outcome = corrected != null
                    ? new CorrectionOutcome(new TradeCorrection(snapshot.symbol(), original.timestamp(), original.exchange(),
                            corrected.tape(), original.id(), original.price(), original.size(), null,
                            corrected.id(), corrected.price(), corrected.size(), corrected.conditions()), null, true, reason)
                    : new CorrectionOutcome(null, new TradeCancel(snapshot.symbol(), original.timestamp(), original.exchange(),
                            null, original.id(), original.price(), original.size(), TradeCancel.CANCEL), true, reason);
            correctionsApplied.inc();
            ctx.output(CORRECTIONS, outcome);
        }
        reconciledPrintsAdded.inc(added.size());
    }

    /** Takes from {@code added} a print on the same exchange at the same instant as {@code original}, or null. */
    private static Trade takeSameInstant(List<Trade> added, Trade original) {
        for (int i = 0; i < added.size(); i++) {
            Trade candidate = added.get(i);
            if (candidate.timestamp() == original.timestamp() && Objects.equals(candidate.exchange(), original.exchange())) {
                return added.remove(i);
            }
        }
        return null;
    }

    /** A print as the tape names it: trade ids are unique per symbol and exchange (and day). */
    private record PrintKey(String exchange, long id) {}

    /**
     * Replaces (or, for a cancel, removes) the retained print {@code id} on {@code exchange} and
     * rebuilds the candles it is in.
     */
    private CorrectionOutcome revise(SymbolCandles s, TradeCorrection correction, TradeCancel cancel, long ts, long id, String exchange,
            Trade replacement, Context ctx, Collector<Candle> out) {
        if (horizonMillis == 0) {
            return new CorrectionOutcome(correction, cancel, false, CorrectionOutcome.RETENTION_OFF);
        }
        long minute = Timeframe.M1.start(ts);
        RetainedPrints prints = s.retained(minute);
        int i = prints == null ? -1 : prints.indexOf(id, exchange);
        if (i < 0) {
            boolean expired = expiresAtMillis(minute) <= ctx.timerService().currentWatermark();
            return new CorrectionOutcome(correction, cancel, false,
                    expired ? CorrectionOutcome.BEYOND_HORIZON : CorrectionOutcome.UNKNOWN_TRADE);
        }
        if (replacement == null || prints.indexOf(replacement.id(), replacement.exchange()) >= 0) {
            // a cancel; or a correction whose corrected print came already, from a backfill that read
            // the tape after it was corrected: the original goes, and the print stays as it came
            prints.remove(i);
        } else {
            TradeEligibility plan = rules.eligibility(replacement.tape(), replacement.conditions());
            prints.set(i, replacement.timestamp(), replacement.id(), replacement.exchange(), replacement.price(), replacement.size(),
                    daily(plan, replacement), intraday(plan, replacement));
        }

        List<Timeframe> emptied = new ArrayList<>();
        for (Timeframe tf : timeframes) {
            if (rebuild(s, tf, tf.start(ts), ctx, out)) {
                emptied.add(tf);
            }
        }
        return new CorrectionOutcome(correction, cancel, true,
                emptied.isEmpty() ? null : "no print left sets a price in the emitted " + emptied + " candle: its last revision stands");
    }

    /**
     * Rebuilds one candle as its frozen part merged with its retained prints; re-emits it if it had
     * been emitted. Returns whether an emitted candle was left without a price (it cannot be
     * withdrawn, so it stays as last emitted).
     */
    private boolean rebuild(SymbolCandles s, Timeframe tf, long start, Context ctx, Collector<Candle> out) {
        long end = tf.end(start);
        CandleBuilder rebuilt = new CandleBuilder();
        CandleBuilder part = s.frozen(tf, start);
        if (part != null) {
            rebuilt.merge(part);
        }
        for (int i = 0; i < s.minuteCount; i++) {
            if (s.minutes[i] >= start && s.minutes[i] < end) {
                s.prints[i].addTo(rebuilt, tf == Timeframe.D1);
            }
        }
        CandleBuilder old = s.open(tf, start);
        if (old != null) {
            rebuilt.emissions = old.emissions;
            rebuilt.closed = old.closed;
        } else if (rebuilt.ranged || rebuilt.tradeCount > 0) {
            // a print that counted nowhere (an official open, say) was corrected into one that counts
            long lastInstant = lastInstantMillis(end);
            rebuilt.closed = lastInstant <= ctx.timerService().currentWatermark();
            if (rebuilt.closed) {
                noteDue(s, lastInstant + keepMillis, ctx.timerService());
            } else {
                ctx.timerService().registerEventTimeTimer(lastInstant);
            }
        } else {
            return false;
        }
        s.putOpen(tf, start, rebuilt);
        if (rebuilt.closed && rebuilt.priced) {
            revisions.inc();
            emit(out, rebuilt, ctx.getCurrentKey(), tf, start);
        }
        return rebuilt.closed && !rebuilt.priced && old != null && old.emissions > 0;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Candle> out) throws Exception {
        SymbolCandles s = state.value();
        if (s == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            emitPartials(s, ctx.getCurrentKey(), out);
            return;
        }
        if (timestamp >= s.cleanupAt) {
            s.cleanupAt = Long.MIN_VALUE; // the pending cleanup fires now, and catching up does all it was for
        }
        catchUp(s, timestamp);
        long end = EpochNanos.ofMillis(timestamp + 1);
        for (Timeframe tf : timeframes) {
            closeEndingAt(s, tf, end, ctx, out);
        }
        save(s);
    }

    /**
     * Does what has fallen due by {@code now} (ms event time): expires the retained minutes past the
     * horizon, oldest first, and drops the closed candles past their keep. Done whenever the symbol
     * is touched (a trade, a correction, a timer), before anything else, so every event sees the
     * state as if each had had a timer of its own; a symbol left alone is caught up by its cleanup
     * timer ({@link #noteDue}). One compare when nothing is due.
     */
    private void catchUp(SymbolCandles s, long now) {
        if (s.nextDue > now) {
            return;
        }
        if (horizonMillis > 0) {
            for (long minute = oldestExpired(s, now); minute != Long.MIN_VALUE; minute = oldestExpired(s, now)) {
                expireMinute(s, minute);
            }
        }
        long next = Long.MAX_VALUE;
        for (int i = 0; i < s.minuteCount; i++) {
            next = Math.min(next, expiresAtMillis(s.minutes[i]));
        }
        if (keepMillis > 0) {
            for (Timeframe tf : timeframes) {
                SymbolCandles.Slots slots = s.candles[tf.ordinal()];
                for (int i = slots.size - 1; i >= 0; i--) {
                    CandleBuilder candle = slots.open[i];
                    if (candle != null && candle.closed) {
                        long goes = lastInstantMillis(tf.end(slots.starts[i])) + keepMillis;
                        if (goes <= now) {
                            s.remove(tf, slots.starts[i]);
                        } else {
                            next = Math.min(next, goes);
                        }
                    }
                }
            }
        }
        s.nextDue = next;
    }

    /** The start of the oldest retained minute expired by {@code now}, or Long.MIN_VALUE. */
    private long oldestExpired(SymbolCandles s, long now) {
        long oldest = Long.MIN_VALUE;
        for (int i = 0; i < s.minuteCount; i++) {
            long minute = s.minutes[i];
            if (expiresAtMillis(minute) <= now && (oldest == Long.MIN_VALUE || minute < oldest)) {
                oldest = minute;
            }
        }
        return oldest;
    }

    /**
     * Records that something falls due at {@code due} (ms): a minute's expiry or a closed candle's
     * removal. Its timer is a cleanup timer on a {@link #CLEANUP_GRID_MILLIS} grid at or after it,
     * one per grid step however many things fall due in it, not one per minute and candle: a symbol
     * that keeps trading is caught up by its own events, and one that goes quiet holds what it no
     * longer needs at most one step longer.
     */
    private void noteDue(SymbolCandles s, long due, TimerService timers) {
        s.nextDue = Math.min(s.nextDue, due);
        long at = Math.floorDiv(due, CLEANUP_GRID_MILLIS) * CLEANUP_GRID_MILLIS + CLEANUP_GRID_MILLIS - 1;
        if (at != s.cleanupAt) {
            // also when earlier than the pending one (a minute noted after a daily candle's removal):
            // Flink keeps one timer per key and instant, so a step already registered costs a lookup
            timers.registerEventTimeTimer(at);
            s.cleanupAt = Math.max(s.cleanupAt, at);
        }
    }

    /**
     * The minute's prints can no longer be corrected: fold them into the frozen parts of the
     * candles that extend past the minute (a candle that ends with it needs no frozen part, as no
     * print of it is retained any more). One pass per eligibility kind, then one merge per candle.
     */
    private void expireMinute(SymbolCandles s, long minute) {
        long minuteEnd = minute + MINUTE;
        RetainedPrints prints = s.retained(minute);
        s.removeRetained(minute);
        CandleBuilder intradayPart = null;
        CandleBuilder dailyPart = null;
        for (Timeframe tf : timeframes) {
            long start = tf.start(minute);
            if (tf.end(start) <= minuteEnd || s.open(tf, start) == null) {
                continue;
            }
            CandleBuilder add;
            if (tf == Timeframe.D1) {
                add = dailyPart == null ? dailyPart = partOf(prints, true) : dailyPart;
            } else {
                add = intradayPart == null ? intradayPart = partOf(prints, false) : intradayPart;
            }
            s.frozenOrNew(tf, start).merge(add);
        }
    }

    private static CandleBuilder partOf(RetainedPrints prints, boolean daily) {
        CandleBuilder part = new CandleBuilder();
        prints.addTo(part, daily);
        return part;
    }

    private void closeEndingAt(SymbolCandles s, Timeframe tf, long end, OnTimerContext ctx, Collector<Candle> out) {
        long start = tf.start(end - 1);
        if (tf.end(start) != end) {
            return;
        }
        CandleBuilder candle = s.open(tf, start);
        if (candle == null || candle.closed) {
            return;
        }
        if (candle.priced) {
            emit(out, candle, ctx.getCurrentKey(), tf, start);
        }
        if (keepMillis == 0) {
            s.removeOpen(tf, start);
        } else {
            candle.closed = true;
            noteDue(s, lastInstantMillis(end) + keepMillis, ctx.timerService());
        }
    }

    /** Every forming candle of the symbol as it stands; the closed ones wait for their revisions. */
    private void emitPartials(SymbolCandles s, String symbol, Collector<Candle> out) {
        for (Timeframe tf : timeframes) {
            SymbolCandles.Slots slots = s.candles[tf.ordinal()];
            for (int i = 0; i < slots.size; i++) {
                CandleBuilder candle = slots.open[i];
                if (candle != null && !candle.closed && candle.priced) {
                    long start = slots.starts[i];
                    out.collect(candle.partial(symbol, tf, start, tf.end(start), MarketSession.ofCandle(tf, start, dailySession)));
                }
            }
        }
    }

    private void emit(Collector<Candle> out, CandleBuilder candle, String symbol, Timeframe tf, long start) {
        out.collect(candle.emit(symbol, tf, start, tf.end(start), MarketSession.ofCandle(tf, start, dailySession)));
        candlesEmitted.add(1);
        emittedPerTimeframe[tf.ordinal()].inc();
    }

    /** When a minute's prints stop being correctable: the horizon after the minute's last instant. */
    private long expiresAtMillis(long minute) {
        return lastInstantMillis(minute + MINUTE) + horizonMillis;
    }

    /** The window's last millisecond, Flink's {@code TimeWindow.maxTimestamp()}. */
    private static long lastInstantMillis(long endNanos) {
        return EpochNanos.toMillis(endNanos) - 1;
    }

    @Override
    public String toString() {
        return "CandleAggregator" + Arrays.toString(timeframes);
    }
}
