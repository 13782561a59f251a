package io.jonbu.ohlcv.serving.chart;

import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.error.ErrorBody;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Answers a path with a {@code ..} segment (plain or percent-encoded) with the API's 404 before
 * Javalin sees it. Javalin matches the raw path, and its lookup of a static file under such a path
 * (as {@code /chart/../api/v1/symbols}) throws, which it answers with a bare 500 and a logged stack
 * trace; no route or file here has such a path, so it names nothing.
 */
final class ClimbingPathFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = ((HttpServletRequest) request).getRequestURI();
        if (!climbsOut(path)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse reply = (HttpServletResponse) response;
        reply.setStatus(HttpServletResponse.SC_NOT_FOUND);
        reply.setContentType("application/json");
        reply.setCharacterEncoding(StandardCharsets.UTF_8.name());
        ApiJson.mapper().writeValue(reply.getWriter(), ErrorBody.of("not_found", null, "no such path: " + path));
    }

    static boolean climbsOut(String path) {
        try {
            // '+' is no space in a path
            String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            return Arrays.asList(decoded.split("/")).contains("..");
        } catch (IllegalArgumentException malformedEscape) {
            return false;  // not a climb; what follows answers it as it would
        }
    }
}
