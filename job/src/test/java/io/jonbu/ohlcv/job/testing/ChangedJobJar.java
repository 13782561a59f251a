package io.jonbu.ohlcv.job.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The next version of the job, as an operator would deploy it: a jar of the job module's classes
 * with one source file edited and compiled again. Attached to a JobGraph, Flink's child-first user
 * class loader takes its classes over the test's own, so one JVM runs two versions of a class.
 */
public final class ChangedJobJar {
    private ChangedJobJar() {}

    /**
     * @param changed    a top-level class of the job module whose source is edited
     * @param edit       the change to its source; it must change something
     * @param classpath  classes the edited source needs besides the job module's (from their code sources)
     */
    public static Path build(Path workDir, Class<?> changed, UnaryOperator<String> edit, List<Class<?>> classpath)
            throws IOException {
        Path classes = codeSource(changed);
        String relative = changed.getName().replace('.', '/');
        Path source = classes.resolve("../../src/main/java").resolve(relative + ".java").normalize();
        String original = Files.readString(source);
        String edited = edit.apply(original);
        if (edited.equals(original)) {
            throw new IllegalArgumentException("the edit left " + source + " unchanged");
        }
        Path sources = Files.createDirectories(workDir.resolve("src").resolve(relative).getParent());
        Path editedSource = Files.writeString(sources.resolve(changed.getSimpleName() + ".java"), edited);
        Path compiled = Files.createDirectories(workDir.resolve("classes"));
        String path = Stream.concat(Stream.of(classes), classpath.stream().map(ChangedJobJar::codeSource))
                .map(Path::toString).distinct().collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "--release", "17", "-classpath", path, "-d", compiled.toString(), editedSource.toString());
        if (exit != 0) {
            throw new IllegalStateException("javac failed on the edited " + source + " (exit " + exit + ")");
        }

        Path jar = workDir.resolve("job-next.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                Path recompiled = compiled.resolve(name);
                add(out, name, Files.exists(recompiled) ? recompiled : file);
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
        out.closeEntry();
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("no file location for " + type, e));
        }
    }
}
