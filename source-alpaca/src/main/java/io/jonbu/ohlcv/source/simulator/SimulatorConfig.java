package io.jonbu.ohlcv.source.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the {@link AlpacaSimulator} serves and what it emits.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param symbols           symbols trades are generated for
 * @param rate              trades per wall-clock second, all symbols together
 * @param seed              seed of the {@link TradeGenerator}: same seed, same trades
 * @param outOfOrderShare   share of trades stamped earlier than their place in the stream
 * @param maxDelayMillis    how much earlier, at most, an out-of-order trade is stamped
 * @param virtualStart      epoch nanos of trade 0, with trade k at {@code virtualStart + k * stepNanos()};
 *                          null stamps trades with the wall clock of their emission
 * @param speed             virtual seconds per wall second; only meaningful with a virtualStart
 * @param limit             trades to emit before going quiet; 0 = no limit
 * @param waitForSubscriber hold emission until a client has subscribed to trades, so it sees trade 0
 * @param key               the API key a client must present; null accepts any non-empty key and secret
 * @param secret            the matching secret; null exactly when key is null
 * @param authTimeout       how long a connection may stay unauthenticated (Alpaca: about 10 s)
 * @param historySize       emitted trades the REST side keeps, newest last; older ones are forgotten
 * @param restRateLimit     REST requests allowed per rate-limit window (Alpaca's free plan: 200 a minute)
 * @param restRateWindow    the rate-limit window; Alpaca's is a minute, tests shorten it to stay fast
 * @param correctionShare   share of trades the tape corrects a little later ({@code "T":"c"}), with a new id
 * @param cancelShare       share of trades the tape cancels or errors a little later ({@code "T":"x"})
 * @param faults            misbehaviours put on every stream connection, at most one of each kind
 * @param statusEvery       every this many trades, the symbol of the trade is halted, or resumed if halted
 *                          (a {@code "T":"s"} trading status to the clients subscribed to statuses); 0 = never
 */
public record SimulatorConfig(
        int port,
        List<String> symbols,
        double rate,
        long seed,
        double outOfOrderShare,
        long maxDelayMillis,
        Long virtualStart,
        double speed,
        long limit,
        boolean waitForSubscriber,
        String key,
        String secret,
        Duration authTimeout,
        int historySize,
        int restRateLimit,
        Duration restRateWindow,
        double correctionShare,
        double cancelShare,
        List<SimulatorFault> faults,
        long statusEvery) {

    public static final List<String> DEFAULT_SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "TSLA", "SPY");
    public static final double DEFAULT_OUT_OF_ORDER_SHARE = 0.02;
    public static final long DEFAULT_MAX_DELAY_MILLIS = 1_000;
    public static final int DEFAULT_HISTORY_SIZE = 100_000;
    public static final int DEFAULT_REST_RATE_LIMIT = 200;

    public SimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty");
        }
        symbols = List.copyOf(symbols);
        if (symbols.stream().anyMatch(s -> s.isBlank() || s.equals("*"))) {
            throw new IllegalArgumentException("symbols must be concrete tickers, was " + symbols);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of trades per second, was " + rate);
        }
        if (!(outOfOrderShare >= 0 && outOfOrderShare <= 1)) {
            throw new IllegalArgumentException("outOfOrderShare must be within 0..1, was " + outOfOrderShare);
        }
        if (maxDelayMillis < 0 || (outOfOrderShare > 0 && maxDelayMillis == 0)) {
            throw new IllegalArgumentException("maxDelayMillis must be positive when outOfOrderShare > 0, was " + maxDelayMillis);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        if (virtualStart == null && speed != 1) {
            throw new IllegalArgumentException("speed applies only to virtual time: set virtualStart or leave speed at 1");
        }
        if (speed * 1e9 / rate < 1) {
            throw new IllegalArgumentException("speed / rate leaves less than 1 ns between trades: lower speed or rate");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = unlimited), was " + limit);
        }
        if ((key == null) != (secret == null) || (key != null && (key.isEmpty() || secret.isEmpty()))) {
            throw new IllegalArgumentException("key and secret must both be non-empty or both be null");
        }
        if (authTimeout == null || authTimeout.isNegative() || authTimeout.isZero()) {
            throw new IllegalArgumentException("authTimeout must be positive, was " + authTimeout);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be positive, was " + historySize);
        }
        if (restRateLimit < 1) {
            throw new IllegalArgumentException("restRateLimit must be positive, was " + restRateLimit);
        }
        if (restRateWindow == null || restRateWindow.toMillis() < 1) {
            throw new IllegalArgumentException("restRateWindow must be at least 1 ms, was " + restRateWindow);
        }
        if (!(correctionShare >= 0 && cancelShare >= 0 && correctionShare + cancelShare <= 1)) {
            throw new IllegalArgumentException("correctionShare and cancelShare must be >= 0 with a sum <= 1, were "
                    + correctionShare + " and " + cancelShare);
        }
        if (statusEvery < 0) {
            throw new IllegalArgumentException("statusEvery must be >= 0 (0 = never), was " + statusEvery);
        }
        faults = List.copyOf(faults == null ? List.of() : faults);
        // two of a kind would leave it to chance which one acts
        if (faults.stream().map(SimulatorFault::name).distinct().count() < faults.size()) {
            throw new IllegalArgumentException("faults: at most one of each kind, was " + faults);
        }
    }

    /**
     * Ephemeral port, the seven default symbols, 50 trades/s stamped with the wall clock, any credentials,
     * the last 100,000 trades on the REST side and 200 REST requests a minute; no corrections, cancels or faults.
     */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Virtual nanoseconds between consecutive trades. */
    public long stepNanos() {
        return Math.round(speed * 1e9 / rate);
    }

    /** The configured fault of this kind, if any. */
    public <F extends SimulatorFault> Optional<F> fault(Class<F> kind) {
        return faults.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Whether a client presenting these credentials may stream. */
    public boolean accepts(String clientKey, String clientSecret) {
        if (key == null) {
            return clientKey != null && !clientKey.isEmpty() && clientSecret != null && !clientSecret.isEmpty();
        }
        return key.equals(clientKey) && secret.equals(clientSecret);
    }

    /** Starts from {@link #defaults()}; {@link #build()} validates. */
    public static final class Builder {
        private int port;
        private List<String> symbols = DEFAULT_SYMBOLS;
        private double rate = 50;
        private long seed = 42;
        private double outOfOrderShare = DEFAULT_OUT_OF_ORDER_SHARE;
        private long maxDelayMillis = DEFAULT_MAX_DELAY_MILLIS;
        private Long virtualStart;
        private double speed = 1;
        private long limit;
        private boolean waitForSubscriber;
        private String key;
        private String secret;
        private Duration authTimeout = Duration.ofSeconds(10);
        private int historySize = DEFAULT_HISTORY_SIZE;
        private int restRateLimit = DEFAULT_REST_RATE_LIMIT;
        private Duration restRateWindow = Duration.ofMinutes(1);
        private double correctionShare;
        private double cancelShare;
        private final List<SimulatorFault> faults = new ArrayList<>();
        private long statusEvery;

        private Builder() {}

        /** Every {@code trades} trades, a halt or resumption of that trade's symbol; 0, the default, sends none. */
        public Builder statusEvery(long trades) {
            this.statusEvery = trades;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder symbols(List<String> symbols) {
            this.symbols = symbols;
            return this;
        }

        public Builder rate(double tradesPerSecond) {
            this.rate = tradesPerSecond;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder outOfOrder(double share, long maxDelayMillis) {
            this.outOfOrderShare = share;
            this.maxDelayMillis = maxDelayMillis;
            return this;
        }

        /** Trade k is stamped {@code virtualStart + k * speed * 1e9 / rate}. */
        public Builder virtualTime(long virtualStart, double speed) {
            this.virtualStart = virtualStart;
            this.speed = speed;
            return this;
        }

        public Builder limit(long limit) {
            this.limit = limit;
            return this;
        }

        public Builder waitForSubscriber(boolean waitForSubscriber) {
            this.waitForSubscriber = waitForSubscriber;
            return this;
        }

        public Builder credentials(String key, String secret) {
            this.key = key;
            this.secret = secret;
            return this;
        }

        public Builder authTimeout(Duration authTimeout) {
            this.authTimeout = authTimeout;
            return this;
        }

        public Builder historySize(int historySize) {
            this.historySize = historySize;
            return this;
        }

        /** Answers 429 past {@code requests} REST requests per {@code window}. */
        public Builder restRateLimit(int requests, Duration window) {
            this.restRateLimit = requests;
            this.restRateWindow = window;
            return this;
        }

        /** Share of trades corrected a little after they were sent; 0, the default, corrects none. */
        public Builder corrections(double share) {
            this.correctionShare = share;
            return this;
        }

        /** Share of trades cancelled (or withdrawn as errors) a little after they were sent; default 0. */
        public Builder cancels(double share) {
            this.cancelShare = share;
            return this;
        }

        /** Adds a fault; see {@link SimulatorFault} for the kinds. */
        public Builder fault(SimulatorFault fault) {
            this.faults.add(fault);
            return this;
        }

        /** Adds each of {@code faults}. */
        public Builder faults(List<SimulatorFault> faults) {
            faults.forEach(this::fault);
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(port, symbols, rate, seed, outOfOrderShare, maxDelayMillis, virtualStart, speed,
                    limit, waitForSubscriber, key, secret, authTimeout, historySize, restRateLimit, restRateWindow,
                    correctionShare, cancelShare, faults, statusEvery);
        }
    }

    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", symbols=" + symbols + ", rate=" + rate + ", seed=" + seed
                + ", outOfOrderShare=" + outOfOrderShare + ", maxDelayMillis=" + maxDelayMillis
                + ", virtualStart=" + virtualStart + ", speed=" + speed + ", limit=" + limit
                + ", waitForSubscriber=" + waitForSubscriber + ", credentials=" + (key == null ? "any" : "***")
                + ", authTimeout=" + authTimeout + ", historySize=" + historySize
                + ", restRateLimit=" + restRateLimit + "/" + restRateWindow
                + ", corrections=" + correctionShare + ", cancels=" + cancelShare + ", faults=" + faults + ", statusEvery=" + statusEvery + "]";
    }
}
