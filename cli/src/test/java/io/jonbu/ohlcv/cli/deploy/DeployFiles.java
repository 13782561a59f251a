package io.jonbu.ohlcv.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment files at the repository root, read as the tools that use them would: YAML and JSON
 * trees. The tests run in the cli module, whose parent directory is the repository root.
 */
final class DeployFiles {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {}

    static Path root() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("job"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String relative) {
        return parseYaml(text(relative));
    }

    static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(text(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree of maps as the dotted keys Flink reads from it ({@code a: {b: 1}} is {@code a.b}); leaves as text. */
    static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into));
        } else {
            into.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** The dotted paths (e.g. {@code spec.job.jarURI}) that are absent, null or empty in {@code node}. */
    static List<String> missing(JsonNode node, List<String> paths) {
        List<String> missing = new ArrayList<>();
        for (String p : paths) {
            JsonNode at = node.at("/" + p.replace('.', '/'));
            if (at.isMissingNode() || at.isNull() || (at.isValueNode() && at.asText().isBlank()) || (at.isContainerNode() && at.isEmpty())) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** The strings of a node that holds a string or a list of strings (a compose command, a container's args). */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.addAll(List.of(node.asText().trim().split("\\s+")));
        }
        return out;
    }
}
