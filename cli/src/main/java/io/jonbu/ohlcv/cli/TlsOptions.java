package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.Secret;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import io.jonbu.ohlcv.serving.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Whether the serving layer listens with TLS, and with which identity: a PKCS12/JKS keystore or a PEM
 * certificate and key. The keystore's (or encrypted key's) password is a secret: from the environment
 * or the config file, never a flag.
 */
final class TlsOptions implements UsesSettings {
    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "listen with HTTPS using this PKCS12 (or JKS) keystore; its password from JONBU_TLS_PASSWORD")
    Path keystore;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "listen with HTTPS using this PEM certificate chain (with --tls-key)")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "the PEM private key of --tls-cert (PKCS#8 or PKCS#1; if encrypted, its password from JONBU_TLS_PASSWORD)")
    Path privateKey;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "-1",
            description = "with TLS, also listen with plain HTTP on this port (0 picks one); -1 for no plain listener (default: ${DEFAULT-VALUE})")
    int plainPort;

    @Option(names = "--redirect-http", description = "with TLS, the plain-HTTP port (--http-port) only redirects to HTTPS")
    boolean redirectPlain;

    @Option(names = "--hsts", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "with TLS, send Strict-Transport-Security with this max-age, e.g. 365d; 0s sends none (default: ${DEFAULT-VALUE})")
    Duration hsts;

    private Settings settings;

    @Override
    public void use(Settings settings) {
        this.settings = settings;
    }

    /** The TLS settings asked for, or empty for plain HTTP; a usage error naming every problem at once. */
    Optional<TlsSettings> settings(CommandSpec spec) {
        List<String> problems = new ArrayList<>();
        if (keystore != null && (certificate != null || privateKey != null)) {
            problems.add("--tls-keystore: give a keystore or --tls-cert with --tls-key, not both");
        }
        if ((certificate == null) != (privateKey == null)) {
            problems.add(certificate == null ? "--tls-cert: required with --tls-key" : "--tls-key: required with --tls-cert");
        }
        boolean tls = keystore != null || certificate != null || privateKey != null;
        if (!tls && (plainPort != TlsSettings.NO_PLAIN_LISTENER || redirectPlain || !hsts.isZero())) {
            problems.add("--http-port, --redirect-http and --hsts: only with TLS (--tls-keystore, or --tls-cert and --tls-key)");
        }
        if (problems.isEmpty() && !tls) {
            return Optional.empty();
        }
        String password = settings.secret(Secret.TLS_PASSWORD).orElse(null);
        if (problems.isEmpty()) {
            try {
                return Optional.of(new TlsSettings(keystore != null ? new TlsSettings.KeyStoreFile(keystore, password)
                        : new TlsSettings.Pem(certificate, privateKey, password), plainPort, redirectPlain, hsts));
            } catch (IllegalArgumentException e) {
                problems.add("TLS: " + e.getMessage() + (password == null ? " (password: set " + Secret.TLS_PASSWORD.environmentVariable()
                        + " or " + Secret.TLS_PASSWORD.path() + " in the config file)" : ""));
            }
        }
        throw new ParameterException(spec.commandLine(), String.join("\n", problems));
    }
}
