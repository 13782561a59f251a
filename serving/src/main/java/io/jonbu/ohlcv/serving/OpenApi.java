package io.jonbu.ohlcv.serving;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of the API, written by hand next to the
 * routes and checked against them by a test, so it cannot silently fall behind.
 */
final class OpenApi {
    private static final byte[] DOCUMENT = load();

    private OpenApi() {}

    static void serve(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(DOCUMENT);
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the serving jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
