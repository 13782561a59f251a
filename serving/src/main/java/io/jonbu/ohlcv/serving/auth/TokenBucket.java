package io.jonbu.ohlcv.serving.auth;

/**
 * One key's rate limit: a bucket of {@code burst} tokens refilled at {@code ratePerMinute}; a request
 * takes one. A burst up to the bucket's size passes at once, a steady rate above the refill does not.
 */
final class TokenBucket {
    private static final double NANOS_PER_MINUTE = 60e9;

    private int ratePerMinute;
    private int burst;
    private double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(int ratePerMinute, int burst, long nowNanos) {
        this.ratePerMinute = ratePerMinute;
        this.burst = burst;
        this.tokensPerNano = ratePerMinute / NANOS_PER_MINUTE;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    synchronized boolean limitedTo(int ratePerMinute, int burst) {
        return this.ratePerMinute == ratePerMinute && this.burst == burst;
    }

    /**
     * New limits from now on, as when a key's limits change while it is in use: the tokens refilled
     * until now stay, up to the new size, so a change neither grants a fresh burst nor takes one away.
     */
    synchronized void limit(int ratePerMinute, int burst, long nowNanos) {
        refill(nowNanos);
        this.ratePerMinute = ratePerMinute;
        this.burst = burst;
        this.tokensPerNano = ratePerMinute / NANOS_PER_MINUTE;
        this.tokens = Math.min(tokens, burst);
    }

    private void refill(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - refilledAt) * tokensPerNano);
        refilledAt = nowNanos;
    }

    /**
     * Takes a token when there is one.
     *
     * @return the whole tokens left after taking one, or, when none was there, minus the nanoseconds
     *         until one will be (always negative, never zero)
     */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return (long) tokens;
        }
        return -Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
