package io.jonbu.ohlcv.serving.auth;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Who may use the API: everyone ({@link #open()}, for local use), or holders of a valid API key
 * ({@link #apiKeys}), each within its own token bucket. A key is looked up in the database at most
 * once per {@link #RECHECK}, so a revocation or a change of its limits ({@code jonbu keys limit})
 * takes effect within that time, without a restart, and a busy client does not cost a query per request.
 */
public final class Access {
    static final Duration RECHECK = Duration.ofSeconds(5);
    // bounds the memory a flood of made-up keys can take: past it the cache starts over
    private static final int MAX_CACHED = 10_000;

    private final ApiKeys keys;
    private final LongSupplier nanoTime;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    private record Checked(Optional<ApiKey> key, long atNanos) {}

    private Access(ApiKeys keys, LongSupplier nanoTime) {
        this.keys = keys;
        this.nanoTime = nanoTime;
    }

    public static Access open() {
        return new Access(null, System::nanoTime);
    }

    public static Access apiKeys(ApiKeys keys) {
        return apiKeys(keys, System::nanoTime);
    }

    static Access apiKeys(ApiKeys keys, LongSupplier nanoTime) {
        return new Access(keys, nanoTime);
    }

    public boolean required() {
        return keys != null;
    }

    /**
     * The key a request presents: {@code Authorization: Bearer KEY}, else {@code X-API-Key: KEY}; null
     * when neither header is there.
     */
    public static String presented(String authorization, String apiKeyHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return apiKeyHeader == null || apiKeyHeader.isBlank() ? null : apiKeyHeader.trim();
    }

    /** Checks {@code presented} (null for none) and takes a token from its bucket. */
    public Verdict check(String presented) {
        if (keys == null) {
            return new Verdict.Granted(null, Long.MAX_VALUE);
        }
        if (presented == null || presented.isEmpty()) {
            return new Verdict.Denied("an API key is required: send Authorization: Bearer <key> or X-API-Key: <key>");
        }
        long now = nanoTime.getAsLong();
        Optional<ApiKey> key;
        try {
            key = lookUp(presented, now);
        } catch (SQLException e) {
            return new Verdict.Unavailable("API keys cannot be checked: " + e.getMessage());
        }
        if (key.isEmpty()) {
            return new Verdict.Denied("the API key is not valid (unknown or revoked)");
        }
        ApiKey k = key.get();
        TokenBucket bucket = buckets.computeIfAbsent(k.id(), id -> new TokenBucket(k.ratePerMinute(), k.burst(), now));
        if (!bucket.limitedTo(k.ratePerMinute(), k.burst())) {
            bucket.limit(k.ratePerMinute(), k.burst(), now);
        }
        long taken = bucket.take(now);
        return taken >= 0 ? new Verdict.Granted(k, taken) : new Verdict.Limited(k, (-taken + 999_999_999L) / 1_000_000_000L);
    }

    private Optional<ApiKey> lookUp(String presented, long now) throws SQLException {
        Checked cached = checked.get(presented);
        if (cached != null && now - cached.atNanos() < RECHECK.toNanos()) {
            return cached.key();
        }
        Optional<ApiKey> key = keys.verify(presented);
        if (checked.size() >= MAX_CACHED) {
            checked.clear();
        }
        checked.put(presented, new Checked(key, now));
        return key;
    }
}
