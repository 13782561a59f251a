package io.jonbu.ohlcv.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns JMH's JSON results into BENCHMARKS.md: per benchmark the median, minimum and maximum of the
 * measured iterations, on this machine, with how it was run, and, when JMH ran with {@code -prof gc},
 * the median bytes allocated per operation. Medians, not means: the machines are
 * shared, and a noisy neighbour shows up as an outlier, not as a shift of every run.
 *
 * <p>Usage: {@code Report <jmh.json> <BENCHMARKS.md>}
 */
public final class Report {
    private Report() {}

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `scripts/bench` on ").append(LocalDate.now()).append(": ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", JMH, one fork per benchmark, load average ")
                .append(fmt(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" as it ended\n(the machine is shared: other work on it lengthens the times, not the allocations).\n");
        md.append("Medians and min-max over the measured iterations; lower is better for times. Allocated is JMH's\n")
                .append("`-prof gc` `gc.alloc.rate.norm`: the bytes the benchmark thread allocates per operation (median).\n\n");
        md.append("| benchmark | what | median | min - max | allocated | iterations |\n|---|---|---|---|---|---|\n");
        for (JsonNode r : results) {
            List<Double> values = iterations(r.path("primaryMetric"));
            String unit = r.path("primaryMetric").path("scoreUnit").asText();
            JsonNode allocation = allocation(r.path("secondaryMetrics"));
            String name = r.path("benchmark").asText();
            md.append("| `").append(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1)).append("` | ")
                    .append(describe(name)).append(" | ")
                    .append(fmt(median(values))).append(' ').append(unit).append(" | ")
                    .append(fmt(values.get(0))).append(" - ").append(fmt(values.get(values.size() - 1))).append(" | ")
                    .append(allocation == null ? "-"
                            : fmt(median(iterations(allocation))) + " " + allocation.path("scoreUnit").asText()).append(" | ")
                    .append(values.size()).append(" |\n");
        }
        md.append("\nGoals (issue 5): the whole enrichment of a candle well under 1 ms, aimed under 20 us; zero boxing in\n")
                .append("the indicator hot path, i.e. 0 B/op for `IndicatorBenchmark.updateIndicators` (JMH's own bookkeeping\n")
                .append("may show as a thousandth of a byte), which `IndicatorSetAllocationTest` also asserts.\n");
        Files.writeString(Path.of(args[1]), md.toString());
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

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
