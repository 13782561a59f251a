package io.jonbu.ohlcv.serving.error;

import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a handler throws into an {@link ErrorBody}: validation failures become 400
 * {@code invalid_parameter} naming the field, {@link ApiError}s keep their status, Javalin's own
 * responses (unknown route) keep theirs, and anything else is logged and answered with a bare 500
 * so that no internals reach the client.
 */
public final class ErrorMapper implements ExceptionHandler<Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final String CONVERSION_FAILED = "TYPE_CONVERSION_FAILED";

    @Override
    public void handle(Exception exception, Context ctx) {
        if (exception instanceof ApiError e) {
            respond(ctx, e.status(), e.body());
        } else if (exception instanceof ValidationException e) {
            respond(ctx, HttpStatus.BAD_REQUEST, invalidParameter(e));
        } else if (exception instanceof HttpResponseException e) {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            respond(ctx, status, ErrorBody.of(status.name().toLowerCase(Locale.ROOT), null, e.getMessage()));
        } else {
            LOG.error("unexpected error serving {} {}", ctx.method(), ctx.path(), exception);
            respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, ErrorBody.of("internal_error", null, "internal server error"));
        }
    }

    /** Handlers read one parameter at a time, so the first error is the one to report. */
    private static ErrorBody invalidParameter(ValidationException e) {
        Map.Entry<String, List<ValidationError<Object>>> first = e.getErrors().entrySet().iterator().next();
        ValidationError<Object> error = first.getValue().get(0);
        // a failed conversion carries Javalin's constant as its message; the client-facing text is
        // the converter's (see QueryConverters)
        String message = CONVERSION_FAILED.equals(error.getMessage()) && error.exception() != null
                ? error.exception().getMessage()
                : error.getMessage();
        return ErrorBody.of("invalid_parameter", first.getKey(), message);
    }

    private static void respond(Context ctx, HttpStatus status, ErrorBody body) {
        ctx.status(status).json(body);
    }
}
