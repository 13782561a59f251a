package io.jonbu.ohlcv.serving;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.ws;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.auth.Access;
import io.jonbu.ohlcv.serving.auth.AccessFilter;
import io.jonbu.ohlcv.serving.candle.CandleHandlers;
import io.jonbu.ohlcv.serving.candle.CandleRepository;
import io.jonbu.ohlcv.serving.chart.ChartPage;
import io.jonbu.ohlcv.serving.error.ErrorMapper;
import io.jonbu.ohlcv.serving.health.FeedHealth;
import io.jonbu.ohlcv.serving.health.HealthHandler;
import io.jonbu.ohlcv.serving.health.HealthReport;
import io.jonbu.ohlcv.serving.health.JobFreshness;
import io.jonbu.ohlcv.serving.logging.RequestIds;
import io.jonbu.ohlcv.serving.metrics.MetricsHandler;
import io.jonbu.ohlcv.serving.metrics.RequestMetrics;
import io.jonbu.ohlcv.serving.pattern.PatternHandlers;
import io.jonbu.ohlcv.serving.pattern.PatternRepository;
import io.jonbu.ohlcv.serving.stream.CandleStream;
import io.jonbu.ohlcv.serving.stream.CandleStreamSettings;
import io.jonbu.ohlcv.serving.stream.StreamMetrics;
import io.jonbu.ohlcv.serving.symbol.SymbolHandlers;
import io.jonbu.ohlcv.serving.symbol.SymbolRepository;
import io.jonbu.ohlcv.serving.tls.TlsListener;
import io.jonbu.ohlcv.serving.tls.TlsSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API over the candle store, and, when given a Kafka to read, the WebSocket stream of live
 * candles at {@code /api/v1/stream} (without one the route does not exist: an upgrade gets a 404). The
 * caller owns the {@link DataSource} (and its pool), so the same server runs on a {@link DatabasePool}
 * in production and on a bare embedded database in tests. The tracked-symbol routes write the
 * {@code symbols} table through a second, writable data source ({@link DatabasePool#openControlPlane});
 * every other route only reads.
 */
public final class ServingServer implements AutoCloseable {
    /** A 1m candle a minute, plus out-of-orderness, the sink's batching and slack for a slow checkpoint. */
    private static final Duration JOB_STALE_AFTER = Duration.ofMinutes(3);
    /** How long a stop waits for WebSocket clients to answer the going-away close frame. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    /** One line per request at DEBUG, with its request id: off unless asked for ({@code io.jonbu.ohlcv.serving.access}). */
    private static final Logger ACCESS = LoggerFactory.getLogger("io.jonbu.ohlcv.serving.access");

    private final Javalin app;
    private final int port;
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final CandleStream stream;
    private final TlsSettings tls;
    private TlsListener tlsListener;

    /**
     * One data source for everything, so it must be writable for {@code POST}/{@code DELETE /symbols}
     * to work: a bare database in tests.
     *
     * @param port the port to listen on; 0 picks a free one (see {@link #start()})
     */
    public ServingServer(DataSource dataSource, int port) {
        this(dataSource, dataSource, port, null);
    }

    /** One data source for everything (as {@link #ServingServer(DataSource, int)}), and the stream. */
    public ServingServer(DataSource dataSource, int port, CandleStreamSettings stream) {
        this(dataSource, dataSource, port, stream);
    }

    /**
     * @param dataSource   what the data routes read, read-only in production ({@link DatabasePool#open})
     * @param controlPlane where the tracked symbols are written ({@link DatabasePool#openControlPlane})
     * @param port         the port to listen on; 0 picks a free one (see {@link #start()})
     * @param stream       where the WebSocket stream reads candles; null for none
     */
    public ServingServer(DataSource dataSource, DataSource controlPlane, int port, CandleStreamSettings stream) {
        this(dataSource, controlPlane, port, stream, Access.open());
    }

    /**
     * As {@link #ServingServer(DataSource, DataSource, int, CandleStreamSettings)}, with who may use the
     * API and the stream.
     */
    public ServingServer(DataSource dataSource, DataSource controlPlane, int port, CandleStreamSettings stream, Access access) {
        this(dataSource, controlPlane, port, stream, access, null);
    }

    /**
     * As {@link #ServingServer(DataSource, DataSource, int, CandleStreamSettings, Access)}, listening
     * with TLS on {@code port} when {@code tls} is given (and on its plain-HTTP port, if any).
     */
    public ServingServer(DataSource dataSource, DataSource controlPlane, int port, CandleStreamSettings stream, Access access,
            TlsSettings tls) {
        this.port = port;
        this.tls = tls;
        this.stream = stream == null ? null : new CandleStream(stream, access);
        CandleHandlers candles = new CandleHandlers(CandleRepository.candles(dataSource), CandleRepository.enriched(dataSource));
        PatternHandlers patterns = new PatternHandlers(new PatternRepository(dataSource));
        Map<String, Supplier<HealthReport.Component>> components = new HashMap<>();
        components.put("job", new JobFreshness(dataSource, JOB_STALE_AFTER, Clock.systemUTC()));
        components.put("feed", new FeedHealth(dataSource, Clock.systemUTC()));
        if (this.stream != null) {
            components.put("kafka", this.stream::health);
        }
        HealthHandler health = new HealthHandler(dataSource, components);
        SymbolHandlers symbols = new SymbolHandlers(new SymbolRepository(controlPlane));
        ErrorMapper errors = new ErrorMapper();
        RequestMetrics requests = new RequestMetrics();
        MetricsHandler metrics = new MetricsHandler(requests, streamMetrics());
        AccessFilter accessFilter = new AccessFilter(access);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            if (tls != null) {
                tlsListener = TlsListener.configure(config, tls, port);
            }
            // the routes, not the filters (the access check is a before-matched handler)
            config.events(events -> events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(h.getHttpMethod() + " " + h.getPath());
                }
            }));
            config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            QueryConverters.registerOn(config.validation);
            config.router.mount(router -> router.before(RequestIds::begin));
            config.requestLogger.http((ctx, millis) -> {
                requests.record(ctx.method().name(), routeOf(ctx), ctx.statusCode(), millis / 1000.0);
                if (ACCESS.isDebugEnabled()) {
                    ACCESS.debug("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), String.format(Locale.ROOT, "%.1f", millis));
                }
                RequestIds.end();
            });
            config.router.mount(router -> router.beforeMatched(accessFilter));
            // where scrapers look by default, outside the versioned API
            config.router.apiBuilder(() -> get("/metrics", metrics::handle));
            // the chart page is a route (documented, counted per route); its script and ECharts are static files
            config.router.apiBuilder(() -> get("/", ChartPage::page));
            ChartPage.serveAssets(config);
            config.router.apiBuilder(() -> path("/api/v1", () -> {
                get("health", health::handle);
                get("openapi.json", OpenApi::document);
                get("docs", OpenApi::page);
                get("patterns", patterns::list);
                get("symbols", symbols::list);
                post("symbols", symbols::add);
                delete("symbols/{symbol}", symbols::remove);
                // <symbol> rather than {symbol}: crypto pairs such as BTC/USD carry a slash; the
                // longer routes go first so ".../history" is not read as part of a symbol
                // before ohlcv/<symbol>, which would take "history" for a symbol
                get("ohlcv/history", candles::historyOfMany);
                get("ohlcv/<symbol>/history", candles::history);
                get("ohlcv/<symbol>/enriched", candles::enriched);
                get("ohlcv/<symbol>", candles::latest);
                if (this.stream != null) {
                    ws("stream", this.stream::configure);
                }
            }));
            // Javalin maps HttpResponseException (unknown routes) and ValidationException itself
            // unless told otherwise; registering all three keeps every error body the same shape
            config.router.mount(router -> router
                    .exception(Exception.class, errors)
                    .exception(HttpResponseException.class, errors)
                    .exception(ValidationException.class, errors));
        });
    }

    /** The pattern of the route that answered, so metrics stay per route whatever the path. */
    private static String routeOf(Context ctx) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = null;
        }
        if (route != null && !route.isEmpty() && !route.equals("*")) {
            return route;
        }
        // the chart page's files are answered by the static-file handler, outside the routes
        return ctx.statusCode() < 400 && (ctx.path().startsWith("/chart/") || ctx.path().startsWith("/webjars/")) ? "static" : "unmatched";
    }

    /** Every route, as {@code GET /api/v1/...} with Javalin's path parameters: what the OpenAPI document must cover. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** The stream's counters; empty without a stream. */
    public Optional<StreamMetrics> streamMetrics() {
        return Optional.ofNullable(stream).map(CandleStream::metrics);
    }

    /** Starts reading Kafka (when streaming), then listening; returns the bound port (with TLS, the HTTPS one). */
    public int start() {
        if (stream != null) {
            stream.start();
        }
        try {
            if (tls == null) {
                app.start(port);
            } else {
                // the SSL plugin owns the connectors and their ports
                app.start();
                tlsListener.started(app.jettyServer().server());
            }
        } catch (RuntimeException e) {
            // the caller gets no server to close: do not leave the Kafka consumer running
            if (stream != null) {
                stream.close();
            }
            throw e;
        }
        return tls == null ? app.port() : TlsListener.boundPort(app.jettyServer().server(), true);
    }

    /** With TLS, the bound port of the plain-HTTP listener; -1 when there is none (or no TLS). */
    public int plainPort() {
        return tls == null || tls.plainPort() == TlsSettings.NO_PLAIN_LISTENER ? -1
                : TlsListener.boundPort(app.jettyServer().server(), false);
    }

    /** Stops: WebSocket clients get a going-away close frame first, then the server stops listening. */
    @Override
    public void close() {
        if (stream != null) {
            stream.goAway(CLOSE_GRACE);
        }
        app.stop();
        if (stream != null) {
            stream.close();
        }
    }
}
