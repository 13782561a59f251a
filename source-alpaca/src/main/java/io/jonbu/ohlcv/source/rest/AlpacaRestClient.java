package io.jonbu.ohlcv.source.rest;

import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Alpaca's historical stock data ({@code /v2/stocks/.../trades} and {@code .../bars}) as lazy streams
 * that follow {@code next_page_token} to the end. Requests of one client go out one at a time, which
 * is what a per-account rate limit rewards.
 */
public final class AlpacaRestClient implements AutoCloseable {
    public static final String DEFAULT_BASE_URL = "https://data.alpaca.markets";

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final CircuitBreaker breaker;
    private final RequestExecutor executor;

    private AlpacaRestClient(Builder b) {
        this.baseUrl = HttpUrl.get(b.baseUrl);
        this.http = new OkHttpClient();
        this.breaker = new CircuitBreaker(b.failureThreshold, b.coolDown, b.clock);
        this.executor = new RequestExecutor(http, b.key, b.secret, b.maxRetries, b.backoff, breaker, b.clock, b.sleeper);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The query's trades, page after page as the stream is consumed. */
    public Stream<Trade> trades(HistoricalQuery query) {
        return pages(query, "trades", PageParser.TRADES);
    }

    /** The query's bars; the query must name a timeframe. */
    public Stream<AlpacaBar> bars(HistoricalQuery query) {
        if (query.timeframe() == null) {
            throw new IllegalArgumentException("bars need a timeframe, such as 1Min or 1Day");
        }
        return pages(query, "bars", PageParser.BARS);
    }

    /** For a health check: whether requests currently reach Alpaca. */
    public CircuitState circuitState() {
        return breaker.state();
    }

    private <T> Stream<T> pages(HistoricalQuery query, String kind, PageParser<T> parser) {
        boolean single = query.symbols().size() == 1;
        String symbol = single ? query.symbols().get(0) : null;
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("v2").addPathSegment("stocks");
        if (single) {
            url.addPathSegment(symbol);
        }
        url.addPathSegment(kind);
        for (Map.Entry<String, String> p : query.parameters().entrySet()) {
            url.addQueryParameter(p.getKey(), p.getValue());
        }
        HttpUrl first = url.build();
        PageIterator<T> iterator = new PageIterator<>(token -> executor.get(
                token == null ? first : first.newBuilder().addQueryParameter("page_token", token).build(), parser, symbol));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Releases pooled connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "AlpacaRestClient[" + baseUrl + ", circuit " + breaker.state() + "]";
    }

    /** Needs credentials; the rest defaults to Alpaca's production host and patient retries. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String key;
        private String secret;
        private int maxRetries = 5;
        private Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        private int failureThreshold = 5;
        private Duration coolDown = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;

        private Builder() {}

        /** {@code https://data.alpaca.markets}, the sandbox host, or a simulator's {@code http://127.0.0.1:<port>}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder credentials(String key, String secret) {
            this.key = key;
            this.secret = secret;
            return this;
        }

        /** Retries after a 429, a 5xx or an I/O error, per request, waiting as {@code backoff} says. */
        public Builder retries(int maxRetries, Backoff backoff) {
            this.maxRetries = maxRetries;
            this.backoff = backoff;
            return this;
        }

        /** Opens the circuit after {@code failureThreshold} consecutive failures, for {@code coolDown}. */
        public Builder circuitBreaker(int failureThreshold, Duration coolDown) {
            this.failureThreshold = failureThreshold;
            this.coolDown = coolDown;
            return this;
        }

        /** The clock that rate-limit resets and the circuit's cool-down are measured on, and how to wait. */
        public Builder time(Clock clock, Sleeper sleeper) {
            this.clock = clock;
            this.sleeper = sleeper;
            return this;
        }

        public AlpacaRestClient build() {
            if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("credentials: key and secret must be non-empty");
            }
            if (HttpUrl.parse(baseUrl == null ? "" : baseUrl) == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL, was " + baseUrl);
            }
            if (maxRetries < 0 || backoff == null) {
                throw new IllegalArgumentException("retries: need maxRetries >= 0 and a backoff");
            }
            if (failureThreshold < 1 || coolDown == null || coolDown.isNegative() || coolDown.isZero()) {
                throw new IllegalArgumentException("circuitBreaker: need failureThreshold >= 1 and a positive coolDown");
            }
            if (clock == null || sleeper == null) {
                throw new IllegalArgumentException("time: clock and sleeper must not be null");
            }
            return new AlpacaRestClient(this);
        }
    }
}
