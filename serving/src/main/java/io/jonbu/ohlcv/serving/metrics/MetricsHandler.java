package io.jonbu.ohlcv.serving.metrics;

import io.javalin.http.Context;
import io.jonbu.ohlcv.serving.stream.StreamMetrics;
import java.util.Optional;

/**
 * {@code GET /metrics}: the serving instance's counters in Prometheus' text format, for a scraper.
 * Requests and their latencies per route, and the WebSocket stream's (absent when the server has no
 * stream); each instance reports its own, as each serves its own clients.
 */
public final class MetricsHandler {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final RequestMetrics requests;
    private final Optional<StreamMetrics> stream;

    public MetricsHandler(RequestMetrics requests, Optional<StreamMetrics> stream) {
        this.requests = requests;
        this.stream = stream;
    }

    public void handle(Context ctx) {
        StringBuilder out = new StringBuilder();
        requests.writeTo(out);
        stream.ifPresent(m -> {
            gauge(out, "jonbu_stream_clients", "WebSocket stream clients connected now", m.clients());
            counter(out, "jonbu_stream_records_total", "Kafka records read by the stream", m.records());
            counter(out, "jonbu_stream_malformed_records_total", "Kafka records skipped as not a candle", m.malformedRecords());
            counter(out, "jonbu_stream_messages_sent_total", "updates and control messages written to stream clients", m.sent());
            counter(out, "jonbu_stream_frames_sent_total", "WebSocket messages written to stream clients, each an array of sent ones",
                    m.frames());
            counter(out, "jonbu_stream_messages_coalesced_total", "partial updates replaced by a newer one before sending", m.coalesced());
            counter(out, "jonbu_stream_messages_dropped_total", "updates dropped for a client whose queue was full", m.dropped());
            counter(out, "jonbu_stream_slow_disconnects_total", "clients disconnected for staying behind", m.slowDisconnects());
        });
        ctx.contentType(CONTENT_TYPE).result(out.toString());
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        metric(out, name, "gauge", help, value);
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        metric(out, name, "counter", help, value);
    }

    private static void metric(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }
}
