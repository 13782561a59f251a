package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigException;
import io.jonbu.ohlcv.cli.config.ConfigFile;
import io.jonbu.ohlcv.cli.config.ConfigKey;
import io.jonbu.ohlcv.cli.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Applies edits of a running command's config file without a restart, where the running system can
 * take them: the tracked symbols ({@code feed.symbols}: the symbols added to the file are tracked and
 * those taken out untracked; symbols added over the API are left alone) and the log levels
 * ({@code logging.level}). Any other setting that changed is reported as taking effect at the next
 * start. A file that no longer reads or validates changes nothing: its problems are logged, and the
 * last good file stays in force. A setting the environment or a flag gives is not the file's to
 * change, as at start.
 *
 * <p>Polls the file's modification time and size: editors replace files rather than write them in
 * place, which a directory watch sees as a delete and a create, or not at all on some file systems.
 */
final class ConfigReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
    static final Duration POLL = Duration.ofSeconds(2);

    /** What a reload can change in the running system besides the log levels. */
    interface Target {
        /** A command that tracks no symbols: a change of {@code feed.symbols} is not its to apply. */
        Target NONE = new Target() {
            @Override
            public void track(List<String> symbols) {
                throw new UnsupportedOperationException("this command tracks no symbols");
            }

            @Override
            public void untrack(List<String> symbols) {
                throw new UnsupportedOperationException("this command tracks no symbols");
            }
        };

        void track(List<String> symbols) throws Exception;

        void untrack(List<String> symbols) throws Exception;
    }

    private final Settings start;
    private final CommandLine root;
    private final String command;
    private final List<String> fromFlags;
    private final Target target;
    private ConfigFile current;
    private FileTime modified;
    private long size;
    private ScheduledExecutorService poller;

    /**
     * @param start     the settings the command started with; its file is the one watched
     * @param root      the {@code jonbu} command line, to validate values with their flags' converters
     * @param command   the running command's path, as {@code run}
     * @param fromFlags the options given on the command line, which the file cannot override
     */
    ConfigReloader(Settings start, CommandLine root, String command, List<String> fromFlags, Target target) throws IOException {
        this.start = start;
        this.root = root;
        this.command = command;
        this.fromFlags = List.copyOf(fromFlags);
        this.target = target;
        this.current = Objects.requireNonNull(start.file(), "a config file to watch");
        this.modified = Files.getLastModifiedTime(current.path());
        this.size = Files.size(current.path());
    }

    /**
     * Watches the running command's config file, if it has one, in the background.
     *
     * @param spec the running command: its name and the flags it was given
     */
    static Optional<ConfigReloader> watch(Settings settings, CommandSpec spec, Target target) throws IOException {
        if (settings.file() == null) {
            return Optional.empty();
        }
        String command = spec.qualifiedName(" ").substring(spec.root().name().length()).trim();
        List<String> fromFlags = spec.commandLine().getParseResult().matchedOptions().stream().map(OptionSpec::longestName).toList();
        return Optional.of(new ConfigReloader(settings, spec.root().commandLine(), command, fromFlags, target).watch());
    }

    /** Checks the file every {@link #POLL} in the background. */
    ConfigReloader watch() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jonbu-config-reload");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("reloading {} failed: {}", current.path(), e.toString());
            }
        }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reloads the file if it changed since the last look; returns what was done, one line each. */
    List<String> check() {
        Path path = current.path();
        try {
            FileTime nowModified = Files.getLastModifiedTime(path);
            long nowSize = Files.size(path);
            if (nowModified.equals(modified) && nowSize == size) {
                return List.of();
            }
            modified = nowModified;
            size = nowSize;
        } catch (IOException e) {
            return report(List.of(path + ": cannot be read (" + e.getMessage() + "); the settings in force stay"));
        }
        ConfigFile next;
        try {
            next = ConfigFile.read(path);
        } catch (ConfigException e) {
            return report(withStay(e.problems()));
        }
        Settings settings = new Settings(start.environment(), next);
        List<String> problems = settings.problems(root);
        if (!problems.isEmpty()) {
            return report(withStay(problems));
        }
        List<String> done = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            Optional<String> option = key.option(command);
            String before = current.settings().get(key);
            String after = next.settings().get(key);
            if (option.isEmpty() || Objects.equals(before, after)) {
                continue;
            }
            // as at start (Settings#value): a blank variable sets nothing
            if (fromFlags.contains(option.get()) || !start.environment().getOrDefault(key.environmentVariable(), "").isBlank()) {
                done.add(key.path() + " changed in the file, but " + (fromFlags.contains(option.get()) ? option.get() : key.environmentVariable())
                        + " sets it");
            } else if (key == ConfigKey.FEED_SYMBOLS) {
                done.add(symbols(before, after));
            } else if (key == ConfigKey.LOGGING_LEVEL) {
                LogLevels.parse(after == null ? "" : after).apply();
                done.add(key.path() + " is now " + (after == null ? "unset (levels as they are)" : after));
            } else {
                done.add(key.path() + " changed in the file: it takes effect at the next start");
            }
        }
        current = next;
        return report(done);
    }

    private String symbols(String before, String after) {
        List<String> was = list(before);
        List<String> is = list(after);
        List<String> added = is.stream().filter(s -> !was.contains(s)).toList();
        List<String> removed = was.stream().filter(s -> !is.contains(s)).toList();
        try {
            if (!added.isEmpty()) {
                target.track(added);
            }
            if (!removed.isEmpty()) {
                target.untrack(removed);
            }
        } catch (Exception e) {
            return "feed.symbols: tracking " + added + " and untracking " + removed + " failed: " + e.getMessage();
        }
        return "feed.symbols: tracking " + added + ", untracking " + removed;
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    private List<String> withStay(List<String> problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add("not reloaded: " + p));
        lines.add("the settings in force stay until " + current.path() + " is fixed");
        return lines;
    }

    private static List<String> report(List<String> lines) {
        lines.forEach(line -> LOG.info("config: {}", line));
        return lines;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
