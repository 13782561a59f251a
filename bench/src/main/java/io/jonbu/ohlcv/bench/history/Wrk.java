package io.jonbu.ohlcv.bench.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the {@code wrk} HTTP load generator (Debian's package) in its own process against a server,
 * each request a path picked at random from a list (a Lua script), and reads its summary.
 */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s*99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors:.*");

    /** @param p99Millis the 99th percentile latency wrk measured (it corrects for coordinated omission) */
    record Result(double requestsPerSecond, double p99Millis) {}

    private final Path script;
    private final String baseUrl;
    private final int threads;
    private final int connections;

    /** @param paths what the requests ask for, one picked at random per request */
    Wrk(String baseUrl, List<String> paths, int threads, int connections) throws IOException {
        this.baseUrl = baseUrl;
        this.threads = threads;
        this.connections = connections;
        this.script = Files.createTempFile("wrk-paths", ".lua");
        script.toFile().deleteOnExit();
        Files.writeString(script, "local paths = {\n"
                + paths.stream().map(p -> "  \"" + p + "\"").collect(Collectors.joining(",\n"))
                + "\n}\nrequest = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n");
    }

    Result run(Duration duration) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + out);
        }
        Matcher failed = FAILED.matcher(out);
        Matcher errors = ERRORS.matcher(out);
        if (failed.find() || errors.find()) {
            throw new IOException("wrk saw failed requests:\n" + out);
        }
        return new Result(number(RATE, out), millis(out));
    }

    private static double number(Pattern p, String out) throws IOException {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IOException("no " + p + " in wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(String out) throws IOException {
        Matcher m = P99.matcher(out);
        if (!m.find()) {
            throw new IOException("no 99% latency in wrk's output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
