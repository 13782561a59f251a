package io.jonbu.ohlcv.serving.auth;

import java.time.Instant;

/**
 * An API key as stored, without its secret.
 *
 * @param id            the public part of the key, shown in lists and logs
 * @param ratePerMinute requests a minute the key's bucket refills
 * @param burst         the bucket's size: requests the key may make at once
 * @param revokedAt     null while the key is valid
 */
public record ApiKey(String id, String name, int ratePerMinute, int burst, Instant createdAt, Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
