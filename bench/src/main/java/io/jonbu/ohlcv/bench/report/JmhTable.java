package io.jonbu.ohlcv.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JMH section of BENCHMARKS.md: per benchmark the median, minimum and maximum of the measured
 * iterations and, when JMH ran with {@code -prof gc}, the median bytes allocated per operation.
 */
public final class JmhTable {
    private JmhTable() {}

    public static String of(JsonNode results) {
        StringBuilder md = new StringBuilder();
        md.append("## Micro-benchmarks (JMH)\n\n");
        md.append("JMH, one fork per benchmark. Medians and min-max over the measured iterations; lower is better for times.\n")
                .append("Allocated is JMH's `-prof gc` `gc.alloc.rate.norm`: the bytes the benchmark thread allocates per\n")
                .append("operation (median); the machine's load lengthens the times, not the allocations.\n\n");
        md.append("| benchmark | what | median | min - max | allocated | iterations |\n|---|---|---|---|---|---|\n");
        for (JsonNode r : results) {
            List<Double> values = iterations(r.path("primaryMetric"));
            String unit = r.path("primaryMetric").path("scoreUnit").asText();
            JsonNode allocation = allocation(r.path("secondaryMetrics"));
            String name = r.path("benchmark").asText();
            md.append("| `").append(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1)).append("` | ")
                    .append(describe(name)).append(" | ")
                    .append(fmt(Figures.median(values))).append(' ').append(unit).append(" | ")
                    .append(fmt(values.get(0))).append(" - ").append(fmt(values.get(values.size() - 1))).append(" | ")
                    .append(allocation == null ? "-"
                            : fmt(Figures.median(iterations(allocation))) + " " + allocation.path("scoreUnit").asText()).append(" | ")
                    .append(values.size()).append(" |\n");
        }
        md.append("\nGoals (issue 5): the whole enrichment of a candle well under 1 ms, aimed under 20 us; zero boxing in\n")
                .append("the indicator hot path, i.e. 0 B/op for `IndicatorBenchmark.updateIndicators` (JMH's own bookkeeping\n")
                .append("may show as a thousandth of a byte), which `IndicatorSetAllocationTest` also asserts.\n\n");
        return md.toString();
    }

    private static String describe(String benchmark) {
        if (benchmark.endsWith("EnrichmentBenchmark.enrichOneCandle")) {
            return "one candle: 30 indicators, 13 candlestick patterns, context, 18 features, description";
        }
        if (benchmark.endsWith("IndicatorBenchmark.updateIndicators")) {
            return "one candle through the 30 indicator outputs (the indicator hot path)";
        }
        return "";
    }

    /** Every measured iteration's value of a metric, sorted. */
    private static List<Double> iterations(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            fork.forEach(v -> values.add(v.asDouble()));
        }
        values.sort(Double::compare);
        return values;
    }

    /** The gc profiler's normalized allocation rate, or null when JMH ran without it. */
    private static JsonNode allocation(JsonNode secondaryMetrics) {
        for (var metric : secondaryMetrics.properties()) {
            if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                return metric.getValue();
            }
        }
        return null;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
