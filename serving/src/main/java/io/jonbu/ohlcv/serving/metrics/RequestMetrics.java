package io.jonbu.ohlcv.serving.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per route, method and status, and their latencies per route as a Prometheus histogram.
 * Labelled by the route's pattern ({@code /api/v1/ohlcv/<symbol>/history}), never by the raw path,
 * so the number of series stays bounded whatever clients ask for.
 */
public final class RequestMetrics {
    /** Bucket bounds in seconds: index-only history reads take about a millisecond, a cold page 100 or more. */
    private static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();

    private static final class Histogram {
        final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length + 1);
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();
    }

    /** @param route the matched route's pattern, or {@code unmatched} */
    public void record(String method, String route, int status, double seconds) {
        counts.computeIfAbsent(labels(method, route) + ",status=\"" + status + "\"", k -> new LongAdder()).increment();
        Histogram h = latencies.computeIfAbsent(labels(method, route), k -> new Histogram());
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        h.buckets.incrementAndGet(bucket);
        h.count.increment();
        h.sum.add(seconds);
    }

    void writeTo(StringBuilder out) {
        out.append("# HELP jonbu_http_requests_total HTTP requests by route, method and status\n")
                .append("# TYPE jonbu_http_requests_total counter\n");
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.append("jonbu_http_requests_total{").append(e.getKey()).append("} ").append(e.getValue().sum()).append('\n'));
        out.append("# HELP jonbu_http_request_duration_seconds HTTP request latency by route and method\n")
                .append("# TYPE jonbu_http_request_duration_seconds histogram\n");
        latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Histogram h = e.getValue();
            long cumulative = 0;
            for (int i = 0; i <= BOUNDS.length; i++) {
                cumulative += h.buckets.get(i);
                out.append("jonbu_http_request_duration_seconds_bucket{").append(e.getKey()).append(",le=\"")
                        .append(i < BOUNDS.length ? Double.toString(BOUNDS[i]) : "+Inf").append("\"} ").append(cumulative).append('\n');
            }
            out.append("jonbu_http_request_duration_seconds_sum{").append(e.getKey()).append("} ").append(h.sum.sum()).append('\n');
            out.append("jonbu_http_request_duration_seconds_count{").append(e.getKey()).append("} ").append(h.count.sum()).append('\n');
        });
    }

    private static String labels(String method, String route) {
        return "method=\"" + method + "\",route=\"" + route.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
