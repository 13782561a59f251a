package io.jonbu.ohlcv.serving.tls;

import io.javalin.community.ssl.SslConfig;
import io.javalin.community.ssl.SslPlugin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * Puts the serving layer behind TLS with Javalin's SSL plugin: the HTTPS connector on the serving
 * port, the optional plain-HTTP one (redirecting or not), and the HSTS header on every HTTPS answer.
 * The header goes only over HTTPS because browsers ignore it over plain HTTP (RFC 6797 section 7.2).
 *
 * <p>The redirect is ours, not the plugin's: Jetty's redirect handler needs the HTTPS port before
 * the server starts, and answers 403 when it is 0 (pick one), as in tests and side-by-side
 * instances. Ours reads the bound port, and answers 308 so a {@code POST} stays a {@code POST}.
 */
public final class TlsListener {
    private volatile int securePort = -1;

    private TlsListener() {}

    /** Configures {@code config} to listen with {@code tls} on {@code securePort} (0 picks one). */
    public static TlsListener configure(JavalinConfig config, TlsSettings tls, int securePort) {
        TlsListener listener = new TlsListener();
        config.registerPlugin(new SslPlugin(ssl -> {
            identity(ssl, tls.identity());
            ssl.securePort = securePort;
            ssl.insecure = tls.plainPort() != TlsSettings.NO_PLAIN_LISTENER;
            ssl.insecurePort = Math.max(tls.plainPort(), 0);
            ssl.redirect = false;
            // clients connect by whatever name they like (localhost, an IP, a load balancer's name)
            ssl.sniHostCheck = false;
        }));
        if (tls.redirectPlain()) {
            config.router.mount(router -> router.before(ctx -> {
                if (!ctx.req().isSecure()) {
                    String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
                    ctx.redirect("https://" + hostName(ctx.host()) + ":" + listener.securePort + ctx.path() + query,
                            HttpStatus.PERMANENT_REDIRECT);
                    ctx.skipRemainingHandlers();
                }
            }));
        }
        if (!tls.hsts().isZero()) {
            String header = "max-age=" + tls.hsts().toSeconds();
            config.router.mount(router -> router.before(ctx -> {
                if (ctx.req().isSecure()) {
                    ctx.header("Strict-Transport-Security", header);
                }
            }));
        }
        return listener;
    }

    /** Called once the server listens: the redirect's target port is the bound one. */
    public void started(Server server) {
        securePort = boundPort(server, true);
    }

    /** The host a client asked for, without its port ({@code [::1]:8080} gives {@code [::1]}). */
    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return "localhost";
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon > hostHeader.lastIndexOf(']') ? hostHeader.substring(0, colon) : hostHeader;
    }

    private static void identity(SslConfig ssl, TlsSettings.Identity identity) {
        if (identity instanceof TlsSettings.Pem pem) {
            ssl.pemFromPath(pem.certificate().toString(), pem.privateKey().toString(), pem.password());
        } else if (identity instanceof TlsSettings.KeyStoreFile keyStore) {
            ssl.keystoreFromPath(keyStore.file().toString(), keyStore.password());
        }
    }

    /** The bound port of the HTTPS connector ({@code secure}) or of the plain one; -1 when there is none. */
    public static int boundPort(Server server, boolean secure) {
        return Arrays.stream(server.getConnectors())
                .filter(ServerConnector.class::isInstance)
                .map(ServerConnector.class::cast)
                .filter(c -> isSecure(c) == secure)
                .mapToInt(ServerConnector::getLocalPort)
                .findFirst().orElse(-1);
    }

    private static boolean isSecure(Connector connector) {
        return connector.getConnectionFactory(SslConnectionFactory.class) != null;
    }
}
