package io.jonbu.ohlcv.cli.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.MetricOptions;

/**
 * Every configuration key Flink 1.20 defines, read from its own option classes: each
 * {@code org.apache.flink.configuration.*Options} class in flink-core (CheckpointingOptions,
 * StateBackendOptions, RestartStrategyOptions, PipelineOptions, TaskManagerOptions, ...), with their
 * deprecated fallback keys. A key in a config file that is not here is a typo Flink would ignore.
 */
final class FlinkOptionKeys {
    private static final Pattern REPORTER_KEY = Pattern.compile("metrics\\.reporter\\.([A-Za-z0-9_-]+)\\.(.+)");
    /**
     * The Prometheus reporter's own options (PrometheusReporterOptions): flink-metrics-prometheus is a
     * plugin in the Flink image, not on this classpath.
     */
    private static final Set<String> PROMETHEUS_REPORTER_KEYS = Set.of("port", "filterLabelValueCharacters");

    private final Set<String> keys;
    private final Set<String> reporterKeys;

    private FlinkOptionKeys(Set<String> keys, Set<String> reporterKeys) {
        this.keys = keys;
        this.reporterKeys = reporterKeys;
    }

    static FlinkOptionKeys onClasspath() {
        Set<String> keys = new HashSet<>();
        Set<String> reporterKeys = new HashSet<>(PROMETHEUS_REPORTER_KEYS);
        for (Class<?> type : optionClasses()) {
            for (ConfigOption<?> option : options(type)) {
                // MetricOptions' unprefixed keys (factory.class, interval, ...) apply under metrics.reporter.<name>.
                Set<String> into = type == MetricOptions.class && !option.key().startsWith("metrics.") ? reporterKeys : keys;
                into.add(option.key());
                for (FallbackKey fallback : option.fallbackKeys()) {
                    into.add(fallback.getKey());
                }
            }
        }
        return new FlinkOptionKeys(keys, reporterKeys);
    }

    /** The keys of {@code candidates} that Flink does not define, in their order. */
    List<String> unknown(Collection<String> candidates) {
        return candidates.stream().filter(k -> !known(k)).toList();
    }

    boolean known(String key) {
        Matcher reporter = REPORTER_KEY.matcher(key);
        return keys.contains(key) || (reporter.matches() && reporterKeys.contains(reporter.group(2)));
    }

    int size() {
        return keys.size();
    }

    private static List<Class<?>> optionClasses() {
        try (JarFile jar = new JarFile(Path.of(CoreOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            return jar.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.matches("org/apache/flink/configuration/[A-Za-z]+Options\\.class"))
                    .<Class<?>>map(n -> load(n.substring(0, n.length() - ".class".length()).replace('/', '.')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConfigOption<?>> options(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && ConfigOption.class.isAssignableFrom(f.getType()))
                .<ConfigOption<?>>map(FlinkOptionKeys::value)
                .toList();
    }

    private static ConfigOption<?> value(Field field) {
        try {
            field.setAccessible(true);
            return (ConfigOption<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
