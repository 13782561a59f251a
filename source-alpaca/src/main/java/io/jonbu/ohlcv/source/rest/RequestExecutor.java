package io.jonbu.ohlcv.source.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.source.Backoff;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one page request the way Alpaca wants to be asked: credentials on every request, a pause
 * when the rate-limit window is used up, retries with backoff on 429, 5xx and I/O errors, and a
 * circuit breaker in front. Other 4xx fail at once with Alpaca's {@code {"code","message"}}.
 */
final class RequestExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);

    static final String KEY_HEADER = "APCA-API-KEY-ID";
    static final String SECRET_HEADER = "APCA-API-SECRET-KEY";
    /** Bounds a wait for a rate-limit reset, in case the server's clock and ours disagree wildly. */
    private static final long MAX_RESET_WAIT_MILLIS = Duration.ofMinutes(2).toMillis();
    private static final int TOO_MANY_REQUESTS = 429;

    private final OkHttpClient http;
    private final String key;
    private final String secret;
    private final int maxRetries;
    private final Backoff backoff;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Sleeper sleeper;
    /** Epoch millis before which the current rate-limit window has no requests left; 0 when it has. */
    private long exhaustedUntilMillis;

    RequestExecutor(OkHttpClient http, String key, String secret, int maxRetries, Backoff backoff,
            CircuitBreaker breaker, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.key = key;
        this.secret = secret;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.breaker = breaker;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    synchronized <T> Page<T> get(HttpUrl url, PageParser<T> parser, String requestedSymbol) {
        Request request = new Request.Builder().url(url).header(KEY_HEADER, key).header(SECRET_HEADER, secret).get().build();
        for (int attempt = 0; ; attempt++) {
            pauseWhileExhausted();
            if (!breaker.allows()) {
                throw new AlpacaRestException("circuit open after repeated failures; not sending GET " + url, 0, 0, null, null);
            }
            String failure;
            long waitMillis;
            Throwable cause = null;
            try (Response response = http.newCall(request).execute()) {
                readRateLimit(response);
                int status = response.code();
                if (response.isSuccessful()) {
                    Page<T> page = parser.parse(response.body().byteStream(), requestedSymbol);
                    breaker.onSuccess();
                    return page;
                }
                failure = "HTTP " + status;
                if (status == TOO_MANY_REQUESTS) {
                    // the server is healthy, just busy with us: no failure for the breaker
                    long reset = resetWaitMillis(response);
                    waitMillis = reset > 0 ? reset : backoffMillis(attempt);
                } else if (status >= 500) {
                    breaker.onFailure();
                    waitMillis = backoffMillis(attempt);
                } else {
                    // the server answered; our request is what is wrong, and retrying cannot fix it
                    breaker.onSuccess();
                    throw refused(url, status, response.body().string());
                }
            } catch (IOException e) {
                // a body cut short fails parsing just as a dropped connection fails reading: both retried
                breaker.onFailure();
                failure = e.toString();
                cause = e;
                waitMillis = backoffMillis(attempt);
            }
            if (attempt >= maxRetries) {
                throw new AlpacaRestException("GET " + url + " failed after " + (attempt + 1) + " attempts, last: "
                        + failure, 0, 0, null, cause);
            }
            LOG.warn("GET {} failed ({}); retry {} of {} in {} ms", url, failure, attempt + 1, maxRetries, waitMillis);
            sleep(waitMillis);
        }
    }

    private void pauseWhileExhausted() {
        long wait = Math.min(exhaustedUntilMillis - clock.millis(), MAX_RESET_WAIT_MILLIS);
        if (wait > 0) {
            LOG.info("rate limit used up; waiting {} ms for the window to reset", wait);
            sleep(wait);
        }
        exhaustedUntilMillis = 0;
    }

    private void readRateLimit(Response response) {
        String remaining = response.header("X-RateLimit-Remaining");
        if (remaining != null && remaining.trim().equals("0")) {
            long reset = resetEpochMillis(response);
            exhaustedUntilMillis = Math.max(reset, 0);
        }
    }

    /** How long until the X-RateLimit-Reset the response names; 0 when it names none or a past one. */
    private long resetWaitMillis(Response response) {
        long reset = resetEpochMillis(response);
        return reset < 0 ? 0 : Math.max(0, Math.min(reset - clock.millis(), MAX_RESET_WAIT_MILLIS));
    }

    /** X-RateLimit-Reset (Unix seconds) in epoch millis, or -1. */
    private static long resetEpochMillis(Response response) {
        String reset = response.header("X-RateLimit-Reset");
        if (reset == null) {
            return -1;
        }
        try {
            return Long.parseLong(reset.trim()) * 1_000;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long backoffMillis(int attempt) {
        return backoff.millis(attempt, ThreadLocalRandom.current().nextDouble());
    }

    private void sleep(long millis) {
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlpacaRestException("interrupted while waiting to retry", 0, 0, null, e);
        }
    }

    /** Alpaca's refusal, with its {@code {"code","message"}} when the body has them. */
    private static AlpacaRestException refused(HttpUrl url, int status, String body) {
        int code = 0;
        String message = null;
        try {
            JsonNode error = ApiJson.mapper().readTree(body);
            code = error.path("code").asInt(0);
            message = error.hasNonNull("message") ? error.get("message").asText() : null;
        } catch (IOException e) {
            message = body.length() > 200 ? body.substring(0, 200) : body;
        }
        return new AlpacaRestException("Alpaca refused GET " + url + ": HTTP " + status + ", code " + code + ": " + message,
                status, code, message, null);
    }
}
