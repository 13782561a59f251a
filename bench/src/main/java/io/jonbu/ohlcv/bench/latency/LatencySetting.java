package io.jonbu.ohlcv.bench.latency;

import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * One series of the live-latency figure: the settings on the path from trade to client that decide how
 * long a candle waits.
 *
 * @param guarantee     the job's Kafka delivery guarantee; exactly-once readers see a candle after the
 *                      checkpoint that commits it
 * @param bufferTimeout Flink's network buffer timeout
 * @param linger        the job's Kafka producers' {@code linger.ms}
 * @param anchor        true for the defaults, which the others are compared with
 */
record LatencySetting(DeliveryGuarantee guarantee, Duration bufferTimeout, Duration linger, boolean anchor) {

    String name() {
        return (anchor ? "defaults: " : "") + (guarantee == DeliveryGuarantee.EXACTLY_ONCE ? "exactly-once" : "at-least-once")
                + ", buffer timeout " + bufferTimeout.toMillis() + " ms, linger " + linger.toMillis() + " ms";
    }
}
