package io.jonbu.ohlcv.serving.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the serving layer listens with TLS: its identity (a PEM certificate chain and key, or a PKCS12
 * or JKS keystore), whether a plain-HTTP listener runs beside it, and whether that listener only
 * redirects to HTTPS; and how long browsers are told, by HSTS, to use HTTPS only.
 *
 * @param identity     the server's certificate and key
 * @param plainPort    the port of a plain-HTTP listener; 0 picks one; {@link #NO_PLAIN_LISTENER} for none
 * @param redirectPlain true: the plain listener answers every request with a redirect to the same URL
 *                     over HTTPS; false: it serves the API as well (behind a TLS-terminating proxy)
 * @param hsts         the {@code Strict-Transport-Security} max-age sent on HTTPS responses; zero sends none
 */
public record TlsSettings(Identity identity, int plainPort, boolean redirectPlain, Duration hsts) {
    public static final int NO_PLAIN_LISTENER = -1;

    public TlsSettings {
        List<String> problems = new ArrayList<>(identity.problems());
        if (plainPort < NO_PLAIN_LISTENER || plainPort > 65535) {
            problems.add("plain port: must be 0-65535, or -1 for none, not " + plainPort);
        }
        if (redirectPlain && plainPort == NO_PLAIN_LISTENER) {
            problems.add("redirect: needs a plain-HTTP port to redirect from");
        }
        if (hsts.isNegative()) {
            problems.add("hsts: must not be negative");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Where the server's certificate and private key come from. */
    public sealed interface Identity permits Pem, KeyStoreFile {
        /** What is wrong with the files named, each naming its field; empty when they can be read. */
        List<String> problems();
    }

    /**
     * A PEM certificate chain (the server's first) and its private key (PKCS#8 or PKCS#1).
     *
     * @param password the key's password when it is encrypted; null when not
     */
    public record Pem(Path certificate, Path privateKey, String password) implements Identity {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            readable("certificate", certificate, problems);
            readable("private key", privateKey, problems);
            return problems;
        }
    }

    /** A PKCS12 (or JKS) keystore holding the server's key entry. */
    public record KeyStoreFile(Path file, String password) implements Identity {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            readable("keystore", file, problems);
            if (password == null) {
                problems.add("keystore password: required");
            }
            return problems;
        }
    }

    private static void readable(String field, Path file, List<String> problems) {
        if (file == null) {
            problems.add(field + ": required");
        } else if (!Files.isReadable(file)) {
            problems.add(field + ": cannot read " + file);
        }
    }
}
