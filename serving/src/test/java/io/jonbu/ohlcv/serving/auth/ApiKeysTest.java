package io.jonbu.ohlcv.serving.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys in a real PostgreSQL: stored hashed, verified, revoked, and {@link Access} over them. */
class ApiKeysTest {
    private static EmbeddedDatabase db;
    private static ApiKeys keys;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.startTemporary();
        keys = new ApiKeys(db.dataSource());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aKeyIsShownOnceStoredOnlyAsAHashAndVerifiedUntilRevoked() throws Exception {
        IssuedKey issued = keys.create("notebook", 600, 20);

        assertThat(issued.text()).matches("jonbu_[0-9a-f]{12}_[A-Za-z0-9_-]{43}").contains(issued.key().id());
        assertThat(issued.toString()).doesNotContain(issued.text());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM api_keys WHERE id = '" + issued.key().id() + "'")) {
            assertThat(rs.next()).isTrue();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                byte[] value = rs.getBytes(column);
                String text = value == null ? "" : new String(value, StandardCharsets.ISO_8859_1);
                assertThat(text).as(rs.getMetaData().getColumnName(column)).doesNotContain(issued.text().substring(19));
            }
        }
        assertThat(keys.verify(issued.text())).contains(issued.key());

        String sameIdOtherSecret = issued.text().substring(0, 19) + "A".repeat(43);
        assertThat(keys.verify(sameIdOtherSecret)).isEmpty();
        assertThat(keys.verify("jonbu_nothex_x")).isEmpty();
        assertThat(keys.verify(null)).isEmpty();

        assertThat(keys.revoke(issued.key().id())).isTrue();
        assertThat(keys.revoke(issued.key().id())).as("already revoked").isFalse();
        assertThat(keys.verify(issued.text())).isEmpty();
        assertThat(keys.all()).filteredOn(k -> k.id().equals(issued.key().id())).singleElement()
                .satisfies(k -> assertThat(k.revoked()).isTrue());
    }

    @Test
    void badNamesAndRatesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> keys.create(" ", 60, 1)).hasMessageContaining("name");
        assertThatThrownBy(() -> keys.create("x", 0, 1)).hasMessageContaining("rate");
    }

    @Test
    void accessLooksAKeyUpAtMostOncePerRecheckSoARevocationLandsWithinIt() throws Exception {
        AtomicLong now = new AtomicLong(0);
        Access access = Access.apiKeys(keys, now::get);
        IssuedKey issued = keys.create("revoked-soon", 6_000, 1_000);

        assertThat(access.check(issued.text())).isInstanceOf(Verdict.Granted.class);
        keys.revoke(issued.key().id());
        now.addAndGet(Access.RECHECK.toNanos() - 1);
        assertThat(access.check(issued.text())).as("cached").isInstanceOf(Verdict.Granted.class);
        now.addAndGet(1);
        assertThat(access.check(issued.text())).isInstanceOf(Verdict.Denied.class);
        assertThat(access.check(null)).isInstanceOf(Verdict.Denied.class);
        assertThat(Access.open().check(null)).isInstanceOf(Verdict.Granted.class);
    }

    @Test
    void eachKeyHasItsOwnBucket() throws Exception {
        AtomicLong now = new AtomicLong(0);
        Access access = Access.apiKeys(keys, now::get);
        IssuedKey a = keys.create("a", 60, 2);
        IssuedKey b = keys.create("b", 60, 2);

        assertThat(((Verdict.Granted) access.check(a.text())).remaining()).isEqualTo(1);
        assertThat(((Verdict.Granted) access.check(a.text())).remaining()).isEqualTo(0);
        assertThat(access.check(a.text())).isEqualTo(new Verdict.Limited(a.key(), 1));
        assertThat(access.check(b.text())).as("b's bucket is full").isInstanceOf(Verdict.Granted.class);
        now.addAndGet(1_000_000_000L);
        assertThat(access.check(a.text())).isInstanceOf(Verdict.Granted.class);
    }

    @Test
    void changedLimitsApplyWithinTheRecheckWithoutAFreshBurst() throws Exception {
        AtomicLong now = new AtomicLong(0);
        Access access = Access.apiKeys(keys, now::get);
        IssuedKey key = keys.create("retuned", 60, 2);
        assertThat(access.check(key.text())).isInstanceOf(Verdict.Granted.class);
        assertThat(access.check(key.text())).isInstanceOf(Verdict.Granted.class);
        assertThat(access.check(key.text())).isEqualTo(new Verdict.Limited(key.key(), 1));

        assertThat(keys.limit(key.key().id(), 600, 10)).isTrue();
        now.addAndGet(Access.RECHECK.toNanos());
        // the old bucket refilled to its size, 2, in those 5 s: a change of limits grants no fresh burst
        for (int i = 0; i < 2; i++) {
            assertThat(access.check(key.text())).as("request %d", i).isInstanceOf(Verdict.Granted.class);
        }
        assertThat(access.check(key.text())).isEqualTo(new Verdict.Limited(keys.verify(key.text()).orElseThrow(), 1));
        // and it refills at the new rate, 10 a second, up to the new size
        now.addAndGet(2_000_000_000L);
        for (int i = 0; i < 10; i++) {
            assertThat(access.check(key.text())).as("request %d of the new burst", i).isInstanceOf(Verdict.Granted.class);
        }
        assertThat(access.check(key.text())).isInstanceOf(Verdict.Limited.class);

        assertThatThrownBy(() -> keys.limit(key.key().id(), 0, 10)).hasMessageContaining("rate and burst: must be at least 1");
        assertThat(keys.limit("no-such-id", 60, 2)).isFalse();
    }
}
