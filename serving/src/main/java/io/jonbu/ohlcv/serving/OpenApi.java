package io.jonbu.ohlcv.serving;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of the API, written by hand next to the
 * routes and checked against them by a test, so it cannot silently fall behind; and {@code GET
 * /api/v1/docs}, a page that renders it in the browser.
 */
final class OpenApi {
    private static final byte[] DOCUMENT = load("openapi.json");
    private static final byte[] PAGE = load("api-reference.html");

    private OpenApi() {}

    static void document(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(DOCUMENT);
    }

    static void page(Context ctx) {
        ctx.contentType(ContentType.TEXT_HTML).result(PAGE);
    }

    private static byte[] load(String resource) {
        try (InputStream in = OpenApi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the serving jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
