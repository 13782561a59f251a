package io.jonbu.ohlcv.serving.error;

import io.javalin.http.HttpStatus;

/** A request that cannot be answered for a reason the client should see, thrown from handlers. */
public final class ApiError extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String field;

    private ApiError(HttpStatus status, String code, String field, String message) {
        // a control-flow exception: the stack trace is never logged, so skip filling it in
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** @param field the request parameter naming the missing thing */
    public static ApiError notFound(String field, String message) {
        return new ApiError(HttpStatus.NOT_FOUND, "not_found", field, message);
    }

    /** A request body that does not say what it must; {@code field} names the part at fault. */
    public static ApiError badRequest(String field, String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, "invalid_parameter", field, message);
    }

    /** No valid API key: {@code field} names the header the key belongs in. */
    public static ApiError unauthorized(String message) {
        return new ApiError(HttpStatus.UNAUTHORIZED, "unauthorized", "Authorization", message);
    }

    public static ApiError rateLimited(String message) {
        return new ApiError(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", null, message);
    }

    public static ApiError unavailable(String message) {
        return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null, message);
    }

    public static ApiError tooLarge(String message) {
        return new ApiError(HttpStatus.CONTENT_TOO_LARGE, "content_too_large", null, message);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorBody body() {
        return ErrorBody.of(code, field, getMessage());
    }
}
