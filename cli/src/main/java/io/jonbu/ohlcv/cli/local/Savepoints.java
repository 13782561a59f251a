package io.jonbu.ohlcv.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local job's savepoints, one directory each as Flink writes them ({@code savepoint-<job>-<id>}
 * holding a {@code _metadata} file): the newest complete one is where the next start resumes, and a
 * new one makes the older ones garbage. A directory without {@code _metadata} is a savepoint that
 * did not finish, never resumed from.
 */
final class Savepoints {
    private static final String METADATA = "_metadata";

    private final Path directory;

    Savepoints(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** The newest complete savepoint, if any. */
    Optional<Path> latest() {
        return complete().max(Comparator.comparing(Savepoints::written));
    }

    /** Deletes every savepoint but {@code kept}. */
    void keepOnly(Path kept) {
        try (Stream<Path> all = Files.list(directory)) {
            for (Path old : all.filter(Files::isDirectory).filter(p -> !p.equals(kept)).toList()) {
                delete(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stream<Path> complete() {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> all = Files.list(directory)) {
            return all.filter(p -> Files.isRegularFile(p.resolve(METADATA))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime written(Path savepoint) {
        try {
            return Files.getLastModifiedTime(savepoint.resolve(METADATA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
