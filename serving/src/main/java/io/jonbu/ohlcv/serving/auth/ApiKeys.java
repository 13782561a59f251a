package io.jonbu.ohlcv.serving.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The API keys in the {@code api_keys} table: created, listed, revoked by {@code jonbu keys}, verified by the server. */
public final class ApiKeys {
    private static final String PREFIX = "jonbu_";
    private static final Pattern SHAPE = Pattern.compile("jonbu_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final String INSERT = "INSERT INTO api_keys (id, name, key_sha256, rate_per_minute, burst) VALUES (?, ?, ?, ?, ?)"
            + " RETURNING created_at";
    private static final String COLUMNS = "SELECT id, name, rate_per_minute, burst, created_at, revoked_at, key_sha256 FROM api_keys";
    private static final String LIMIT = "UPDATE api_keys SET rate_per_minute = ?, burst = ? WHERE id = ? AND revoked_at IS NULL";
    private static final String REVOKE = "UPDATE api_keys SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL";

    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A new key; its text is returned once and never stored.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public IssuedKey create(String name, int ratePerMinute, int burst) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        checkLimits(ratePerMinute, burst);
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String text = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, id);
            s.setString(2, name.trim());
            s.setBytes(3, sha256(text));
            s.setInt(4, ratePerMinute);
            s.setInt(5, burst);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new IssuedKey(new ApiKey(id, name.trim(), ratePerMinute, burst, rs.getTimestamp(1).toInstant(), null), text);
            }
        }
    }

    /** Every key, the revoked ones too, oldest first. */
    public List<ApiKey> all() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COLUMNS + " ORDER BY created_at, id");
             ResultSet rs = s.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(key(rs));
            }
            return keys;
        }
    }

    /**
     * Changes a valid key's limits; servers apply them within {@link Access#RECHECK}.
     *
     * @return whether a valid key has that id
     * @throws IllegalArgumentException naming the bad value
     */
    public boolean limit(String id, int ratePerMinute, int burst) throws SQLException {
        checkLimits(ratePerMinute, burst);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(LIMIT)) {
            s.setInt(1, ratePerMinute);
            s.setInt(2, burst);
            s.setString(3, id);
            return s.executeUpdate() == 1;
        }
    }

    private static void checkLimits(int ratePerMinute, int burst) {
        if (ratePerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst: must be at least 1, got " + ratePerMinute + " and " + burst);
        }
    }

    /** @return whether a key with that id was valid until now */
    public boolean revoke(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REVOKE)) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /** The key {@code text} is, when it is one of ours and not revoked. */
    public Optional<ApiKey> verify(String text) throws SQLException {
        Matcher shape = text == null ? null : SHAPE.matcher(text);
        if (shape == null || !shape.matches()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            s.setString(1, shape.group(1));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !MessageDigest.isEqual(rs.getBytes("key_sha256"), sha256(text))) {
                    return Optional.empty();
                }
                ApiKey key = key(rs);
                return key.revoked() ? Optional.empty() : Optional.of(key);
            }
        }
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getString("id"), rs.getString("name"), rs.getInt("rate_per_minute"), rs.getInt("burst"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
