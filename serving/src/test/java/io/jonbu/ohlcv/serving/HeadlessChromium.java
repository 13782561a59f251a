package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium (Debian's {@code chromium} package), driven over the DevTools protocol so a
 * test can act between loading a page and reading it.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    static final String MISSING = "no chromium on the PATH: the browser test needs Debian's chromium package ('apt-get install chromium')";

    private final Process process;
    private final Path profile;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private HeadlessChromium(Process process, Path profile, int port) {
        this.process = process;
        this.profile = profile;
        this.port = port;
    }

    /**
     * Whether a browser is installed. Without one, under CI (whose {@code .ci/run} installs it) this fails
     * the test; elsewhere the caller skips, saying {@link #MISSING}.
     */
    static boolean installedOrFailUnderCi() {
        if (binary().isPresent()) {
            return true;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(MISSING + " (.ci/run installs it: did its apt-get fail?)");
        }
        return false;
    }

    /** Starts a browser, its output in {@code log}. */
    static HeadlessChromium start(Path log) throws IOException, InterruptedException {
        Path binary = binary().orElseThrow(() -> new IllegalStateException(MISSING));
        Path profile = Files.createTempDirectory("jonbu-chromium-");
        Files.createDirectories(log.getParent());
        // port 0: the browser picks a free one and writes it to DevToolsActivePort in the profile
        Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--window-size=1400,900", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!isComplete(activePort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not open its DevTools port (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + "); its output is in " + log);
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
        return new HeadlessChromium(process, profile, port);
    }

    private static Optional<Path> binary() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The file has its two lines (port, browser path) once the browser has written it whole. */
    private static boolean isComplete(Path activePort) throws IOException {
        return Files.exists(activePort) && Files.readAllLines(activePort).size() >= 2;
    }

    /** A new tab showing {@code url}. */
    DevToolsPage open(String url) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/new?" + URLEncoder.encode(url, StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("chromium did not open a tab: " + created.statusCode() + " " + created.body());
        }
        JsonNode target = ApiJson.mapper().readTree(created.body());
        return DevToolsPage.connect(http, URI.create(target.path("webSocketDebuggerUrl").asText()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
