package io.jonbu.ohlcv.serving.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.serving.auth.Access;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
    @TempDir
    static Path dir;
    static SelfSignedIdentity identity;
    static EmbeddedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        identity = SelfSignedIdentity.generate(dir);
        db = EmbeddedDatabase.startTemporary();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static ServingServer server(TlsSettings tls) {
        return new ServingServer(db.dataSource(), db.dataSource(), 0, null, Access.open(), tls);
    }

    private static OkHttpClient trusting() throws Exception {
        return new OkHttpClient.Builder().sslSocketFactory(identity.socketFactory(), identity.trustManager())
                .followRedirects(false).build();
    }

    @Test
    void aKeystoreIdentityServesTheApiOverHttpsWithHsts() throws Exception {
        TlsSettings tls = new TlsSettings(new TlsSettings.KeyStoreFile(identity.keystore(), SelfSignedIdentity.PASSWORD),
                TlsSettings.NO_PLAIN_LISTENER, false, Duration.ofDays(365));
        try (ServingServer server = server(tls)) {
            int port = server.start();
            try (Response r = trusting().newCall(new Request.Builder().url("https://localhost:" + port + "/api/v1/health").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.handshake()).isNotNull();
                assertThat(r.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
                assertThat(r.body().string()).contains("\"status\":\"ok\"");
            }
            assertThat(server.plainPort()).isEqualTo(-1);
        }
    }

    @Test
    void aPemIdentityServesAndThePlainListenerRedirectsToHttps() throws Exception {
        TlsSettings tls = new TlsSettings(new TlsSettings.Pem(identity.certificatePem(), identity.privateKeyPem(), null), 0, true,
                Duration.ZERO);
        try (ServingServer server = server(tls)) {
            int port = server.start();
            int plain = server.plainPort();
            assertThat(plain).isPositive().isNotEqualTo(port);
            OkHttpClient client = trusting();
            try (Response r = client.newCall(new Request.Builder().url("http://localhost:" + plain + "/api/v1/symbols?x=1").build()).execute()) {
                assertThat(r.code()).isEqualTo(308);
                assertThat(r.header("Location")).isEqualTo("https://localhost:" + port + "/api/v1/symbols?x=1");
            }
            try (Response r = client.newCall(new Request.Builder().url("https://localhost:" + port + "/api/v1/symbols").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.header("Strict-Transport-Security")).as("no HSTS unless configured").isNull();
            }
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        TlsSettings tls = new TlsSettings(new TlsSettings.KeyStoreFile(identity.keystore(), SelfSignedIdentity.PASSWORD),
                TlsSettings.NO_PLAIN_LISTENER, false, Duration.ZERO);
        try (ServingServer server = server(tls)) {
            int port = server.start();
            assertThatThrownBy(() -> new OkHttpClient().newCall(new Request.Builder().url("https://localhost:" + port + "/api/v1/health").build())
                    .execute()).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void settingsNameEveryProblemAtOnce() {
        assertThatThrownBy(() -> new TlsSettings(new TlsSettings.KeyStoreFile(dir.resolve("missing.p12"), null),
                TlsSettings.NO_PLAIN_LISTENER, true, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keystore: cannot read")
                .hasMessageContaining("keystore password: required")
                .hasMessageContaining("redirect: needs a plain-HTTP port")
                .hasMessageContaining("hsts: must not be negative");
    }
}
