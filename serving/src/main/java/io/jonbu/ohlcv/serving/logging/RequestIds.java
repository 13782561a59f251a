package io.jonbu.ohlcv.serving.logging;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A correlation id per request: the caller's {@code X-Request-Id} when it is a plain token (a load
 * balancer's or a client's own, so one id follows the request across services), else a new one. It
 * is echoed in the response header and is in the MDC, as {@code request_id}, of every log line the
 * request's thread writes until the request has been answered and logged.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** What a caller may send: no spaces, quotes or control characters to forge log fields with. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** At the start of a request. */
    public static void begin(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && TOKEN.matcher(given).matches() ? given : newId();
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
    }

    /**
     * A UUID-shaped random id. Not {@link UUID#randomUUID()}: a correlation id needs no secure
     * randomness, and SecureRandom's shared source would be a lock taken on every request.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Once the request is answered and logged: the thread goes back to Jetty's pool. */
    public static void end() {
        MDC.remove(MDC_KEY);
    }
}
