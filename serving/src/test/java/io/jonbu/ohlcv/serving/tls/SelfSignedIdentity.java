package io.jonbu.ohlcv.serving.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed server identity for localhost made by the JDK's own {@code keytool}, as a PKCS12
 * keystore and as the same key and certificate in PEM files, and a client trust that accepts it.
 */
public final class SelfSignedIdentity {
    public static final String PASSWORD = "changeit";
    private static final String ALIAS = "jonbu";

    private final Path keystore;
    private final Path certificatePem;
    private final Path privateKeyPem;
    private final X509Certificate certificate;

    private SelfSignedIdentity(Path keystore, Path certificatePem, Path privateKeyPem, X509Certificate certificate) {
        this.keystore = keystore;
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.certificate = certificate;
    }

    /** Generates the identity into {@code dir}. */
    public static SelfSignedIdentity generate(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        Certificate cert = ks.getCertificate(ALIAS);
        Path certificatePem = dir.resolve("server.crt");
        Files.writeString(certificatePem, pem("CERTIFICATE", cert.getEncoded()));
        Path privateKeyPem = dir.resolve("server.key");
        Files.writeString(privateKeyPem, pem("PRIVATE KEY", ks.getKey(ALIAS, PASSWORD.toCharArray()).getEncoded()));
        return new SelfSignedIdentity(keystore, certificatePem, privateKeyPem, (X509Certificate) cert);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public Path keystore() {
        return keystore;
    }

    public Path certificatePem() {
        return certificatePem;
    }

    public Path privateKeyPem() {
        return privateKeyPem;
    }

    /** A trust manager that trusts this certificate and nothing else. */
    public X509TrustManager trustManager() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    public SSLSocketFactory socketFactory() throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, null);
        return context.getSocketFactory();
    }
}
