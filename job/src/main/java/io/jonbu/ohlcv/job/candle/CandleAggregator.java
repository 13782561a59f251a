package io.jonbu.ohlcv.job.candle;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.tape.SaleConditionRules;
import io.jonbu.ohlcv.model.tape.TradeEligibility;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
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
 */
public final class CandleAggregator extends KeyedProcessFunction<String, Trade, Candle> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<Trade> LATE_TRADES = new OutputTag<>("late-trades", TypeInformation.of(Trade.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final String CANDLES_ACCUMULATOR = "candles";
    public static final String LATE_TRADES_ACCUMULATOR = "late-trades";

    private final Timeframe[] timeframes;
    private final long allowedLatenessMillis;
    private final SaleConditionRules rules;
    private final DailySession dailySession;

    private transient MapState<Long, CandleBuilder> open;
    private transient Counter lateTrades;
    private transient Counter revisions;
    private transient LongCounter candlesEmitted;
    private transient LongCounter lateTradesTotal;

    /**
     * @param timeframes      the timeframes to build (any subset, any order)
     * @param allowedLateness how long after a candle's end a late trade still revises it
     * @param rules           which trades may set prices and add volume
     * @param dailySession    which trades daily candles take
     */
    public CandleAggregator(List<Timeframe> timeframes, Duration allowedLateness, SaleConditionRules rules,
            DailySession dailySession) {
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("timeframes: must not be empty");
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowedLateness: must not be negative");
        }
        this.timeframes = timeframes.stream().distinct().sorted().toArray(Timeframe[]::new);
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.rules = rules;
        this.dailySession = dailySession;
    }

    @Override
    public void open(OpenContext openContext) {
        open = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("open-candles", Types.LONG, TypeInformation.of(CandleBuilder.class)));
        lateTrades = getRuntimeContext().getMetricGroup().counter("lateTrades");
        revisions = getRuntimeContext().getMetricGroup().counter("candleRevisions");
        candlesEmitted = getRuntimeContext().getLongCounter(CANDLES_ACCUMULATOR);
        lateTradesTotal = getRuntimeContext().getLongCounter(LATE_TRADES_ACCUMULATOR);
    }

    @Override
    public void processElement(Trade trade, Context ctx, Collector<Candle> out) throws Exception {
        long ts = trade.timestamp();
        Timeframe shortest = timeframes[0];
        if (lastInstantMillis(shortest.end(shortest.start(ts))) + allowedLatenessMillis <= ctx.timerService().currentWatermark()) {
            lateTrades.inc();
            lateTradesTotal.add(1);
            ctx.output(LATE_TRADES, trade);
            return;
        }
        boolean regularHours = MarketSession.of(ts) == MarketSession.REGULAR;
        TradeEligibility plan = rules.eligibility(trade.tape(), trade.conditions());
        TradeEligibility intraday = plan == TradeEligibility.ALL || regularHours
                ? plan
                : rules.extendedHoursIntraday(trade.tape(), trade.conditions());
        TradeEligibility daily = regularHours || dailySession == DailySession.FULL_DAY ? plan : TradeEligibility.NONE;
        if (daily == TradeEligibility.NONE && intraday == TradeEligibility.NONE) {
            return; // informational prints (official open and close) change no candle
        }
        for (Timeframe tf : timeframes) {
            TradeEligibility eligibility = tf == Timeframe.D1 ? daily : intraday;
            if (eligibility == TradeEligibility.NONE) {
                continue;
            }
            long start = tf.start(ts);
            long slot = slot(tf, start);
            CandleBuilder candle = open.get(slot);
            if (candle == null) {
                candle = new CandleBuilder();
                ctx.timerService().registerEventTimeTimer(lastInstantMillis(tf.end(start)));
            }
            candle.add(trade, eligibility);
            if (candle.closed && candle.priced) {
                revisions.inc();
                emit(out, candle, ctx.getCurrentKey(), tf, start);
            }
            open.put(slot, candle);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Candle> out) throws Exception {
        long end = EpochNanos.ofMillis(timestamp + 1);
        long cleanupOf = EpochNanos.ofMillis(timestamp + 1 - allowedLatenessMillis);
        for (Timeframe tf : timeframes) {
            closeEndingAt(tf, end, ctx, out);
            if (allowedLatenessMillis > 0) {
                dropEndingAt(tf, cleanupOf);
            }
        }
    }

    private void closeEndingAt(Timeframe tf, long end, OnTimerContext ctx, Collector<Candle> out) throws Exception {
        long start = tf.start(end - 1);
        if (tf.end(start) != end) {
            return;
        }
        long slot = slot(tf, start);
        CandleBuilder candle = open.get(slot);
        if (candle == null || candle.closed) {
            return;
        }
        if (candle.priced) {
            emit(out, candle, ctx.getCurrentKey(), tf, start);
        }
        if (allowedLatenessMillis == 0) {
            open.remove(slot);
        } else {
            candle.closed = true;
            open.put(slot, candle);
            ctx.timerService().registerEventTimeTimer(lastInstantMillis(end) + allowedLatenessMillis);
        }
    }

    private void dropEndingAt(Timeframe tf, long end) throws Exception {
        long start = tf.start(end - 1);
        if (tf.end(start) != end) {
            return;
        }
        long slot = slot(tf, start);
        CandleBuilder candle = open.get(slot);
        if (candle != null && candle.closed) {
            open.remove(slot);
        }
    }

    private void emit(Collector<Candle> out, CandleBuilder candle, String symbol, Timeframe tf, long start) {
        out.collect(candle.emit(symbol, tf, start, tf.end(start), MarketSession.ofCandle(tf, start, dailySession)));
        candlesEmitted.add(1);
    }

    /** The window's last millisecond, Flink's {@code TimeWindow.maxTimestamp()}. */
    private static long lastInstantMillis(long endNanos) {
        return EpochNanos.toMillis(endNanos) - 1;
    }

    /** One state key per (timeframe, start): starts are whole seconds, so the seconds leave room for the ordinal. */
    static long slot(Timeframe tf, long start) {
        return (start / 1_000_000_000L) * 8 + tf.ordinal();
    }

    @Override
    public String toString() {
        return "CandleAggregator" + Arrays.toString(timeframes);
    }
}
