package io.jonbu.ohlcv.cli.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A YAML config file read into settings and secrets. Sections nest ({@code job:} then
 * {@code parallelism: 2}); a list becomes the comma-separated text its flag takes. Every unknown
 * key, empty value and empty list is reported, not only the first.
 *
 * @param path     the file
 * @param settings the settings it sets, as the text their flags take
 * @param secrets  the secrets it holds
 */
public record ConfigFile(Path path, Map<ConfigKey, String> settings, Map<Secret, String> secrets) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ConfigFile {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }

    /** @throws ConfigException listing every problem in the file, or why it could not be read */
    public static ConfigFile read(Path path) throws ConfigException {
        JsonNode root;
        try (Reader reader = Files.newBufferedReader(path)) {
            root = YAML.readTree(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(path + ": no such file"));
        } catch (JacksonException e) {
            throw new ConfigException(List.of(path + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            throw new ConfigException(List.of(path + ": cannot be read: " + e.getMessage()));
        }
        Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
        Map<Secret, String> secrets = new EnumMap<>(Secret.class);
        List<String> problems = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(path, settings, secrets);
        }
        if (!root.isObject()) {
            throw new ConfigException(List.of(path + ": expected sections such as 'feed:' and 'job:', got " + root.getNodeType()));
        }
        collect("", root, settings, secrets, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ConfigFile(path, settings, secrets);
    }

    private static void collect(String prefix, JsonNode node, Map<ConfigKey, String> settings, Map<Secret, String> secrets,
            List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collect(path + ".", value, settings, secrets, problems);
                continue;
            }
            var key = ConfigKey.ofPath(path);
            var secret = Secret.ofPath(path);
            if (key.isEmpty() && secret.isEmpty()) {
                problems.add(path + ": unknown setting" + known(path));
                continue;
            }
            String text = text(path, value, problems);
            if (text == null) {
                continue;
            }
            if (key.isPresent()) {
                settings.put(key.get(), text);
            } else {
                secrets.put(secret.get(), text);
            }
        }
    }

    /** The flag's text for a scalar or a list of scalars; null after reporting a problem. */
    private static String text(String path, JsonNode value, List<String> problems) {
        if (value.isNull()) {
            problems.add(path + ": must have a value");
            return null;
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                problems.add(path + ": must not be empty");
                return null;
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                    problems.add(path + ": every item must be a plain value, got " + item);
                    return null;
                }
                items.add(item.asText().trim());
            }
            return String.join(",", items);
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problems.add(path + ": must have a value");
            return null;
        }
        return value.asText().trim();
    }

    /** The settings of the same section, so a misspelt key shows what was meant. */
    private static String known(String path) {
        int dot = path.lastIndexOf('.');
        String section = dot < 0 ? "" : path.substring(0, dot + 1);
        String siblings = Stream.concat(
                        Arrays.stream(ConfigKey.values()).map(ConfigKey::path),
                        Arrays.stream(Secret.values()).map(Secret::path))
                .filter(p -> !section.isEmpty() && p.startsWith(section))
                .collect(Collectors.joining(", "));
        return siblings.isEmpty() ? " (sections: alpaca, database, feed, flink, job, kafka, logging, serving, simulator)" : " (known here: " + siblings + ")";
    }
}
