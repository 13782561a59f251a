package io.jonbu.ohlcv.cli.deploy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the job jar accepts, read from the build and the source: its main class (the shade plugin's
 * manifest entry in job/pom.xml), its file name, and the {@code --options} CandleJobMain reads through
 * ParameterTool. CandleJobMain has no parsing API short of running the job, hence its source.
 */
final class JobEntryPoint {
    static final String MAIN_SOURCE = "job/src/main/java/io/jonbu/ohlcv/job/CandleJobMain.java";
    private static final Pattern PARAMETER = Pattern.compile("params\\.(?:get\\w*|has)\\(\"([a-z][a-z0-9-]*)\"");
    /** The Flink image's {@code standalone-job} entrypoint's own options, before the job's. */
    private static final Set<String> STANDALONE_JOB_OPTIONS = Set.of("--job-classname", "--job-id", "--fromSavepoint", "--allowNonRestoredState");

    private JobEntryPoint() {}

    static String mainClass() {
        return only("<mainClass>([^<]+)</mainClass>", DeployFiles.text("job/pom.xml"));
    }

    static String jarName() {
        return only("<finalName>([^<]+)</finalName>", DeployFiles.text("job/pom.xml")) + ".jar";
    }

    static Set<String> options() {
        return options(DeployFiles.text(MAIN_SOURCE));
    }

    static Set<String> options(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(source);
        while (m.find()) {
            names.add("--" + m.group(1));
        }
        return names;
    }

    /** The {@code --options} of {@code args} that neither CandleJobMain nor the standalone-job entrypoint knows. */
    static List<String> unknownOptions(List<String> args) {
        Set<String> known = options();
        return args.stream()
                .filter(a -> a.startsWith("--"))
                .filter(a -> !known.contains(a) && !STANDALONE_JOB_OPTIONS.contains(a))
                .toList();
    }

    private static String only(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex);
        }
        String found = m.group(1).trim();
        if (m.find()) {
            throw new IllegalStateException("more than one " + regex);
        }
        return found;
    }
}
