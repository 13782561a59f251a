package io.jonbu.ohlcv.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figure.Goal;
import io.jonbu.ohlcv.bench.report.Figure.Point;
import io.jonbu.ohlcv.bench.report.Figure.Series;
import io.jonbu.ohlcv.bench.report.Figures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    static Path root;
    static String markdown;

    private static final Figure THROUGHPUT = new Figure("throughput", "Candle throughput", "seeded trades through the job",
            "trades/s", true, Figure.Plot.BARS,
            List.of(new Series("jonbu", false, List.of(new Point("100 symbols", List.of(900.0, 1000.0, 1100.0)),
                            new Point("5,000 symbols", List.of(500.0, 600.0, 700.0)))),
                    new Series("Flink SQL", true, List.of(new Point("100 symbols", List.of(400.0, 250.0, 300.0)),
                            new Point("5,000 symbols", List.of(200.0, 200.0, 200.0))))),
            List.of(new Goal(">= 3x Flink SQL", true, "3.33x at 100 symbols")), List.of("a synthetic figure"));
    private static final Figure FAN_OUT = new Figure("fan-out", "WebSocket fan-out", "clients over loopback", "ms", false,
            Figure.Plot.LINES, List.of(new Series("p99", false, List.of(new Point("1000 clients", List.of(5.0, 6.0)),
                    new Point("5000 clients", List.of(20.0, 30.0)), new Point("10000 clients", List.of(80.0, 120.0))))),
            List.of(new Goal("5,000 clients with p99 < 100 ms", false, "25 ms")), List.of());
    private static final Figure LATENCY = new Figure("latency", "Live latency", "trade to client", "ms", false, Figure.Plot.CDF,
            List.of(new Series("jonbu", false, List.of(new Point("p99", List.of(12.0))), quantiles(0.5, 40))),
            List.of(), List.of());

    /** 1001 ascending quantiles from {@code low} to {@code high}, spread geometrically. */
    private static List<Double> quantiles(double low, double high) {
        return IntStream.rangeClosed(0, 1000).mapToObj(i -> low * Math.pow(high / low, i / 1000.0)).toList();
    }

    @BeforeAll
    static void writeReport() throws Exception {
        Path results = root.resolve("results");
        List.of(THROUGHPUT, FAN_OUT, LATENCY).forEach(f -> Figures.write(f, results));
        Files.createDirectories(root.resolve("bench"));
        Files.writeString(root.resolve("bench/optimizations.md"), "## Optimizations\n\nKryo off: 2x.\n");
        Report.main(new String[] {root.resolve("no-jmh.json").toString(), results.toString(),
            root.resolve("BENCHMARKS.md").toString(), root.resolve("bench/plots").toString()});
        markdown = Files.readString(root.resolve("BENCHMARKS.md"));
    }

    @Test
    void eachFigureHasItsMediansRangesRunsAndRatioToTheAnchorAtTheSameX() {
        assertThat(markdown)
                .contains("| series | x | median | min - max | runs | vs Flink SQL |")
                .contains("| jonbu | 100 symbols | 1,000 trades/s | 900 - 1,100 | 3 | 3.33x |")
                .contains("| jonbu | 5,000 symbols | 600 trades/s | 500 - 700 | 3 | 3.00x |")
                .contains("| Flink SQL (anchor) | 100 symbols | 300 trades/s | 250 - 400 | 3 | - |")
                .contains("| p99 | 10000 clients | 100 ms | 80.0 - 120 | 2 |");
    }

    @Test
    void goalsAreSummedUpAndEachFigureSaysWhichItMet() {
        assertThat(markdown)
                .contains("| Candle throughput | >= 3x Flink SQL | yes | 3.33x at 100 symbols |")
                .contains("| WebSocket fan-out | 5,000 clients with p99 < 100 ms | **no** | 25 ms |")
                .contains("- **not met**: 5,000 clients with p99 < 100 ms (measured: 25 ms)")
                .contains("- a synthetic figure");
    }

    @Test
    void theMachineAndMethodComeFirstAndTheOptimizationsLastVerbatim() {
        assertThat(markdown).startsWith("# Benchmarks\n\nWritten by `scripts/bench`")
                .contains(Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"))
                .contains("Method: ")
                .endsWith("## Optimizations\n\nKryo off: 2x.\n")
                .doesNotContain("Micro-benchmarks (JMH)");
    }

    @Test
    void everyFigureLinksItsPlotRelativeToTheReport() throws Exception {
        for (String id : List.of("throughput", "fan-out", "latency")) {
            assertThat(markdown).contains("](bench/plots/" + id + ".png)");
            BufferedImage png = ImageIO.read(root.resolve("bench/plots/" + id + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo(960);
            assertThat(png.getHeight()).isEqualTo(540);
            assertThat(plotted(png)).as(id + " draws its first series in the first colour").contains(0x1f77b4);
        }
        assertThat(plotted(ImageIO.read(root.resolve("bench/plots/throughput.png").toFile())))
                .as("the anchor in grey").contains(0x7f7f7f);
    }

    /** The colours inside the plot area, below the title and the legend (which show every series' colour anyway). */
    private static List<Integer> plotted(BufferedImage png) {
        List<Integer> colours = new ArrayList<>();
        for (int x = 100; x < png.getWidth(); x += 2) {
            for (int y = 90; y < png.getHeight() - 70; y += 2) {
                colours.add(png.getRGB(x, y) & 0xffffff);
            }
        }
        return colours;
    }
}
