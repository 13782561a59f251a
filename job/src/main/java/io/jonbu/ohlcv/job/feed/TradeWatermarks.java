package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Event time for trades: bounded out-of-orderness, plus two rules for quiet feeds. Only trades move
 * event time: a correction or cancel names a trade of the past (its {@code t} is the original
 * trade's), and it arrives whenever the exchange files it, so it says nothing about how far the
 * feed has got.
 *
 * <ul>
 *   <li>A parallel instance that has seen no trade {@link #NO_DATA_IDLE} after it started is marked
 *       idle, so it does not hold back the others (a source reader without a split). Not at once:
 *       an instance idle before its first trade, next to one that has already finished, would let
 *       the finished one's final watermark through and make every trade after it late.
 *   <li>After {@code idleTimeout} without a trade, the watermark moves on with the wall clock from
 *       the last trade: the market closes, the feed goes silent, and the last minute's candle must
 *       still close. It advances by elapsed time since the last trade, not to "now", so a feed whose
 *       timestamps are not today's (a simulator on a virtual clock) is treated the same way.
 * </ul>
 * The second rule is off unless asked for ({@code idleTimeout} > 0), because this operator cannot
 * tell a silent feed from a stalled pipeline: under backpressure, or in a long GC pause, no trade
 * reaches it either, the watermark moves on, and the trades still queued upstream arrive late.
 * It suits a feed whose trades carry wall-clock times and a pipeline with headroom; the source
 * knowing the connection is alive but silent is the better signal.
 */
public final class TradeWatermarks implements WatermarkStrategy<FeedEvent> {
    private static final long serialVersionUID = 1L;

    static final Duration NO_DATA_IDLE = Duration.ofSeconds(10);

    private final long boundMillis;
    private final long idleMillis;
    private final SerializableSupplier<Long> wallClock;

    public TradeWatermarks(Duration outOfOrderness, Duration idleTimeout) {
        this(outOfOrderness, idleTimeout, System::currentTimeMillis);
    }

    TradeWatermarks(Duration outOfOrderness, Duration idleTimeout, SerializableSupplier<Long> wallClock) {
        if (outOfOrderness.isNegative() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("outOfOrderness and idleTimeout must not be negative");
        }
        this.boundMillis = outOfOrderness.toMillis();
        this.idleMillis = idleTimeout.toMillis();
        this.wallClock = wallClock;
    }

    @Override
    public TimestampAssigner<FeedEvent> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new Stamps();
    }

    /**
     * Trades carry their event time. A correction or cancel carries its original trade's time, long
     * past: it is stamped just after the newest trade this instance has seen, since that is where
     * it happened in the feed, so a batch run, which sorts each key's records by timestamp, applies
     * it after the trade it revises; and never before that trade, which a reader of one range of a
     * file ({@link SplittableLines}) may not have seen: the trade can be in the range before. A quote, bar or status is stamped with its own time: it leaves for
     * its sink right after the source and nothing windows it. A dead letter keeps whatever the record
     * carried.
     */
    private static final class Stamps implements TimestampAssigner<FeedEvent> {
        private long newestTrade = Long.MIN_VALUE;

        @Override
        public long extractTimestamp(FeedEvent event, long previous) {
            if (event.isTrade()) {
                long millis = EpochNanos.toMillis(event.trade().timestamp());
                newestTrade = Math.max(newestTrade, millis);
                return millis;
            }
            if (event.isTapeEvent()) {
                return Math.max(newestTrade, EpochNanos.toMillis(event.eventTime())) + 1;
            }
            return event.deadLetter() == null ? EpochNanos.toMillis(event.eventTime()) : previous;
        }
    }

    @Override
    public WatermarkGenerator<FeedEvent> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new Generator(boundMillis, idleMillis, wallClock);
    }

    static final class Generator implements WatermarkGenerator<FeedEvent> {
        private final long boundMillis;
        private final long idleMillis;
        private final SerializableSupplier<Long> wallClock;
        private final long startWallTime;
        private long maxTimestamp = Long.MIN_VALUE;
        private long lastTradeWallTime;
        private long emitted = Long.MIN_VALUE;

        Generator(long boundMillis, long idleMillis, SerializableSupplier<Long> wallClock) {
            this.boundMillis = boundMillis;
            this.idleMillis = idleMillis;
            this.wallClock = wallClock;
            this.startWallTime = wallClock.get();
        }

        @Override
        public void onEvent(FeedEvent event, long timestamp, WatermarkOutput output) {
            if (!event.isTrade()) {
                return;
            }
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            lastTradeWallTime = wallClock.get();
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (maxTimestamp == Long.MIN_VALUE) {
                if (wallClock.get() - startWallTime >= NO_DATA_IDLE.toMillis()) {
                    output.markIdle();
                }
                return;
            }
            long watermark = maxTimestamp - boundMillis - 1;
            long quiet = wallClock.get() - lastTradeWallTime;
            if (idleMillis > 0 && quiet > idleMillis) {
                watermark += quiet - idleMillis;
            }
            if (watermark > emitted) {
                emitted = watermark;
                output.emitWatermark(new Watermark(watermark));
            }
        }
    }
}
