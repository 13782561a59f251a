package io.jonbu.ohlcv.bench.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java program of this classpath in a process of its own, its output followed line by line: serving
 * ({@code jonbu serve}) or the load generator. Its resident set is read from {@code /proc}.
 */
final class ChildProcess implements AutoCloseable {
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::follow, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args} on this JVM's classpath. */
    static ChildProcess java(String name, List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ChildProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void follow() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        synchronized (this) {
            notifyAll();
        }
    }

    /** The first match of {@code pattern} in the output, waiting for it; fails with the output when the process ends first. */
    synchronized Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            for (; from < lines.size(); from++) {
                Matcher m = pattern.matcher(lines.get(from));
                if (m.find()) {
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || (!process.isAlive() && from == lines.size())) {
                throw new IllegalStateException(name + ": no line matching " + pattern + (process.isAlive() ? " in " + timeout : " before it exited")
                        + "; its last output:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            wait(Math.max(1, Math.min(left / 1_000_000, 200)));
        }
    }

    /** The first match of {@code pattern} in the output so far, without waiting. */
    synchronized Optional<Matcher> find(Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Resident set size in bytes, from {@code /proc/<pid>/status}. */
    long rssBytes() throws IOException {
        Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
        if (!m.find()) {
            throw new IOException("no VmRSS for " + name + " (pid " + process.pid() + ")");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process (SIGTERM, then SIGKILL after 10 s): it is ours. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
