package io.jonbu.ohlcv.bench.run;

import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs contenders in turns, A B C A B C ..., at each point of a figure, so that whatever else the
 * shared machine does (a neighbour's build, a JIT or GC phase) falls on all of them alike rather than
 * on whichever ran during it; and collects every run's value into the figure's series.
 *
 * @param <D> what a point gives the contenders to run on (e.g. the trades of 100 symbols)
 */
public final class Alternation<D> {
    /** One run of a contender on a point's data; returns the measured value. */
    @FunctionalInterface
    public interface Measure<D> {
        double run(D data) throws Exception;
    }

    private record Contender<D>(String name, boolean anchor, Measure<D> measure, List<Figure.Point> points) {}

    private final String unit;
    private final List<Contender<D>> contenders = new ArrayList<>();

    /** @param unit of the values, for the progress lines */
    public Alternation(String unit) {
        this.unit = unit;
    }

    public Alternation<D> contender(String name, boolean anchor, Measure<D> measure) {
        contenders.add(new Contender<>(name, anchor, measure, new ArrayList<>()));
        return this;
    }

    /** {@code runs} rounds of every contender in turn on {@code data}, recorded at {@code x}. */
    public void point(String x, D data, int runs) throws Exception {
        List<List<Double>> values = new ArrayList<>();
        contenders.forEach(c -> values.add(new ArrayList<>()));
        for (int round = 1; round <= runs; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender<D> c = contenders.get(i);
                double value = c.measure().run(data);
                values.get(i).add(value);
                System.out.printf(Locale.ROOT, "  %s, run %d: %-40s %,.0f %s%n", x, round, c.name(), value, unit);
            }
        }
        for (int i = 0; i < contenders.size(); i++) {
            contenders.get(i).points().add(new Figure.Point(x, values.get(i)));
        }
    }

    public List<Figure.Series> series() {
        return contenders.stream().map(c -> new Figure.Series(c.name(), c.anchor(), List.copyOf(c.points()))).toList();
    }

    /** The median of the named contender's runs at {@code x}. */
    public double median(String contender, String x) {
        return contenders.stream().filter(c -> c.name().equals(contender)).findFirst().orElseThrow().points().stream()
                .filter(p -> p.x().equals(x)).findFirst().map(p -> Figures.median(p.runs()))
                .orElseThrow(() -> new IllegalArgumentException("no point " + x + " of " + contender));
    }
}
