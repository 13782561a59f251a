package io.jonbu.ohlcv.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A real HTTP client for one running server; every response of the API is JSON. */
final class ApiClient implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** @param text the body as sent */
    record Reply(int status, String contentType, String text, JsonNode json) {}

    Reply get(String pathAndQuery) {
        return send(new Request.Builder().url(base + pathAndQuery).build());
    }

    Reply post(String path, String json) {
        return send(new Request.Builder().url(base + path).post(RequestBody.create(json, JSON)).build());
    }

    /** A reply without a body (204) has a missing-node {@code json}. */
    Reply delete(String path) {
        return send(new Request.Builder().url(base + path).delete().build());
    }

    private Reply send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            return new Reply(response.code(), response.header("Content-Type"), text, ApiJson.mapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error body the API promises; {@code field} may be null. */
    static JsonNode errorBody(String code, String field, String message) {
        ObjectNode error = ApiJson.mapper().createObjectNode().put("code", code);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", message);
        return ApiJson.mapper().createObjectNode().set("error", error);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
