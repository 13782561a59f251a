package io.jonbu.ohlcv.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.java.utils.ParameterTool;

/**
 * The job jar's arguments: its flags, over a YAML file named by {@code --config} whose keys are the
 * flags' names ({@code db-url: jdbc:postgresql://db/jonbu}, {@code symbols: [AAPL, MSFT]}), so an
 * operator keeps a job's settings in a file: {@code flink run -d jonbu-job.jar --config job.yaml}. A
 * flag beats the file. Every unknown name, in the file or among the flags, is reported at once before
 * the job is built: a misspelt setting silently left at its default is worse than a failed submission.
 * Secrets stay in the environment ({@code JONBU_DB_PASSWORD}, the Alpaca keys), never in the file.
 */
final class JobArguments {
    static final String CONFIG = "config";
    /** Every name {@link CandleJobMain} reads. */
    static final Set<String> KNOWN = Set.of("allowed-lateness-ms", "candles-topic", "channels", "correction-horizon-ms",
            "daily-session", "db-url", "db-user", "dedup-horizon-ms", "enriched-topic", "enrichment", "feed-url", "idle-timeout-ms", "job-name",
            "kafka-bootstrap", "kafka-delivery", "kafka-linger-ms", "kafka-partitions", "max-backfill-ms", "out-of-orderness-ms",
            "partial-updates-ms", "quotes-topic", "rest-url", "sale-conditions", "symbols", "symbols-from-db", "symbols-poll-ms",
            "timeframes", CONFIG);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private JobArguments() {}

    /** @throws IllegalArgumentException listing every problem at once */
    static ParameterTool parse(String... args) {
        ParameterTool flags = ParameterTool.fromArgs(args);
        List<String> problems = new ArrayList<>();
        unknown(flags.toMap().keySet(), "--", problems);
        Map<String, String> file = flags.has(CONFIG) ? read(Path.of(flags.get(CONFIG)), problems) : Map.of();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the job's arguments have " + problems.size() + " problem(s): " + String.join("; ", problems));
        }
        return ParameterTool.fromMap(file).mergeWith(flags);
    }

    private static Map<String, String> read(Path path, List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(path.toFile());
        } catch (IOException e) {
            problems.add(path + ": cannot be read as YAML: " + e.getMessage());
            return Map.of();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return settings;
        }
        if (!root.isObject()) {
            problems.add(path + ": expected settings such as 'db-url: ...', got " + root.getNodeType());
            return settings;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                settings.put(field.getKey(), String.join(",", items));
            } else if (value.isValueNode() && !value.isNull()) {
                settings.put(field.getKey(), value.asText());
            } else {
                problems.add(path + ": " + field.getKey() + ": expected a value or a list of values");
            }
        }
        unknown(settings.keySet(), path + ": ", problems);
        if (settings.containsKey(CONFIG)) {
            problems.add(path + ": config: a config file cannot name another");
        }
        return settings;
    }

    private static void unknown(Set<String> names, String where, List<String> problems) {
        for (String name : new TreeSet<>(names)) {
            if (!KNOWN.contains(name)) {
                problems.add(where + name + ": unknown setting");
            }
        }
    }
}
