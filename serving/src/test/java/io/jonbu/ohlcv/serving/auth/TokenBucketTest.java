package io.jonbu.ohlcv.serving.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsABurstThroughThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(60, 3, 0); // one token a second, three at most
        assertThat(bucket.take(0)).isEqualTo(2);
        assertThat(bucket.take(0)).isEqualTo(1);
        assertThat(bucket.take(0)).isEqualTo(0);
        assertThat(bucket.take(0)).as("empty: a token comes in one second").isEqualTo(-SECOND);
        assertThat(bucket.take(SECOND / 4)).as("a quarter refilled, three quarters to wait").isEqualTo(-(3 * SECOND / 4));
        assertThat(bucket.take(SECOND)).isEqualTo(0);
        assertThat(bucket.take(100 * SECOND)).as("never more than the burst").isEqualTo(2);
    }

    @Test
    void aSteadyRateAtTheRefillPassesAndOneAboveItDoesNot() {
        TokenBucket bucket = new TokenBucket(600, 1, 0); // ten a second
        int passed = 0;
        for (long t = 0; t < 10 * SECOND; t += SECOND / 10) {
            passed += bucket.take(t) >= 0 ? 1 : 0;
        }
        assertThat(passed).isEqualTo(100);
        int fast = 0;
        for (long t = 10 * SECOND; t < 20 * SECOND; t += SECOND / 20) {
            fast += bucket.take(t) >= 0 ? 1 : 0;
        }
        assertThat(fast).isBetween(100, 101);
    }
}
