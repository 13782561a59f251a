package io.jonbu.ohlcv.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads and writes {@link Figure}s as JSON under the results directory the benchmark programs share. */
public final class Figures {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Figures() {}

    public static Path write(Figure figure, Path resultsDir) {
        try {
            Files.createDirectories(resultsDir);
            Path file = resultsDir.resolve(figure.id() + ".json");
            JSON.writeValue(file.toFile(), figure);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every figure in {@code resultsDir}, by file name. */
    public static List<Figure> readAll(Path resultsDir) throws IOException {
        List<Figure> figures = new ArrayList<>();
        if (!Files.isDirectory(resultsDir)) {
            return figures;
        }
        try (Stream<Path> files = Files.list(resultsDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                figures.add(JSON.readValue(f.toFile(), Figure.class));
            }
        }
        return figures;
    }

    /**
     * The machine's load average over the last minute, to print in a figure's notes: on a shared
     * machine it says how much of the cores the runs had.
     */
    public static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** A note saying how loaded the machine was from {@code before} (a {@link #loadAverage()}) until now. */
    public static String loadNote(String before) {
        return "The machine's load average (1 min) was " + before + " as these runs began and " + loadAverage()
                + " as they ended, on " + Runtime.getRuntime().availableProcessors() + " cores.";
    }

    /** The median of some runs' values. */
    public static double median(List<Double> runs) {
        List<Double> sorted = runs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
