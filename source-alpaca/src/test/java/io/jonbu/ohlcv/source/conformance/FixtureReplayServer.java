package io.jonbu.ohlcv.source.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jonbu.ohlcv.source.simulator.Fixtures;
import java.util.List;

/**
 * Plays Alpaca's recorded fixtures verbatim: on the stream, the session's greeting on connect, its
 * authentication reply after the auth message, its subscription reply after the subscribe, then the
 * rest of the session frame by frame; over REST, the two trade pages joined by their token and the
 * bars page. What a client makes of these is what it would make of Alpaca.
 */
final class FixtureReplayServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> session = Fixtures.lines("stream-session.ndjson");
    private final String page1 = Fixtures.text("rest-trades-page1.json");
    private final String page2 = Fixtures.text("rest-trades-page2.json");
    private final String bars = Fixtures.text("rest-bars.json");
    private final Javalin server;

    FixtureReplayServer() {
        server = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.router.mount(router -> {
                router.ws("/v2/{feed}", ws -> {
                    ws.onConnect(ctx -> ctx.send(session.get(0)));
                    ws.onMessage(ctx -> {
                        String action = JSON.readTree(ctx.message()).path("action").asText();
                        if (action.equals("auth")) {
                            ctx.send(session.get(1));
                        } else if (action.equals("subscribe")) {
                            session.subList(2, session.size()).forEach(ctx::send);
                        }
                    });
                });
                router.before("/v2/stocks/*", FixtureReplayServer::requireKeys);
                router.get("/v2/stocks/AAPL/trades", this::trades);
                router.get("/v2/stocks/bars", ctx -> ctx.contentType("application/json").result(bars));
            });
        }).start("127.0.0.1", 0);
    }

    String streamUrl() {
        return "ws://127.0.0.1:" + server.port() + "/v2/iex";
    }

    String restUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Page 2 only for page 1's token: a client that does not pass it back never gets there. */
    private void trades(Context ctx) throws Exception {
        String token = ctx.queryParam("page_token");
        String expected = JSON.readTree(page1).get("next_page_token").asText();
        if (token != null && !token.equals(expected)) {
            ctx.status(400).result("{\"code\":40010001,\"message\":\"invalid page_token\"}");
            return;
        }
        ctx.contentType("application/json").result(token == null ? page1 : page2);
    }

    private static void requireKeys(Context ctx) {
        if (ctx.header("APCA-API-KEY-ID") == null || ctx.header("APCA-API-SECRET-KEY") == null) {
            ctx.status(401).result("{\"code\":40110000,\"message\":\"request is not authorized\"}");
            ctx.skipRemainingHandlers();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
