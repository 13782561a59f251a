package io.jonbu.ohlcv.serving;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.candle.CandleHandlers;
import io.jonbu.ohlcv.serving.candle.CandleRepository;
import io.jonbu.ohlcv.serving.error.ErrorMapper;
import io.jonbu.ohlcv.serving.health.HealthHandler;
import io.jonbu.ohlcv.serving.pattern.PatternHandlers;
import io.jonbu.ohlcv.serving.pattern.PatternRepository;
import io.jonbu.ohlcv.serving.symbol.SymbolHandlers;
import io.jonbu.ohlcv.serving.symbol.SymbolRepository;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * The REST API over the candle store. The caller owns the {@link DataSource} (and its pool), so the
 * same server runs on a {@link DatabasePool} in production and on a bare embedded database in tests.
 * The tracked-symbol routes write the {@code symbols} table through a second, writable data source
 * ({@link DatabasePool#openControlPlane}); every other route only reads.
 */
public final class ServingServer implements AutoCloseable {
    private final Javalin app;
    private final int port;
    private final List<String> routes = new CopyOnWriteArrayList<>();

    /**
     * One data source for everything, so it must be writable for {@code POST}/{@code DELETE /symbols}
     * to work: a bare database in tests.
     *
     * @param port the port to listen on; 0 picks a free one (see {@link #start()})
     */
    public ServingServer(DataSource dataSource, int port) {
        this(dataSource, dataSource, port);
    }

    /**
     * @param dataSource   what the data routes read, read-only in production ({@link DatabasePool#open})
     * @param controlPlane where the tracked symbols are written ({@link DatabasePool#openControlPlane})
     * @param port         the port to listen on; 0 picks a free one (see {@link #start()})
     */
    public ServingServer(DataSource dataSource, DataSource controlPlane, int port) {
        this.port = port;
        CandleHandlers candles = new CandleHandlers(CandleRepository.candles(dataSource), CandleRepository.enriched(dataSource));
        PatternHandlers patterns = new PatternHandlers(new PatternRepository(dataSource));
        HealthHandler health = new HealthHandler(dataSource);
        SymbolHandlers symbols = new SymbolHandlers(new SymbolRepository(controlPlane));
        ErrorMapper errors = new ErrorMapper();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.events(events -> events.handlerAdded(h -> routes.add(h.getHttpMethod() + " " + h.getPath())));
            config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            QueryConverters.registerOn(config.validation);
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
                get("ohlcv/<symbol>/history", candles::history);
                get("ohlcv/<symbol>/enriched", candles::enriched);
                get("ohlcv/<symbol>", candles::latest);
            }));
            // Javalin maps HttpResponseException (unknown routes) and ValidationException itself
            // unless told otherwise; registering all three keeps every error body the same shape
            config.router.mount(router -> router
                    .exception(Exception.class, errors)
                    .exception(HttpResponseException.class, errors)
                    .exception(ValidationException.class, errors));
        });
    }

    /** Every route, as {@code GET /api/v1/...} with Javalin's path parameters: what the OpenAPI document must cover. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** Starts listening; returns the bound port. */
    public int start() {
        app.start(port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
