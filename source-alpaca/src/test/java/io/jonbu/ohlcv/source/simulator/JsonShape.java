package io.jonbu.ohlcv.source.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON value's shape without its values: {@code {"p":decimal,"c":[string]}}. Objects keep their
 * keys in order, arrays list the distinct shapes of their elements, numbers are integer or decimal.
 * Two messages of the same shape are read by the same code.
 */
final class JsonShape {
    private JsonShape() {}

    static String of(JsonNode node) {
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.add("\"" + field.getKey() + "\":" + of(field.getValue()));
            }
            return "{" + String.join(",", fields) + "}";
        }
        if (node.isArray()) {
            Set<String> elements = new LinkedHashSet<>();
            node.forEach(element -> elements.add(of(element)));
            return "[" + String.join("|", elements) + "]";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isFloatingPointNumber()) {
            return "decimal";
        }
        return node.getNodeType().name().toLowerCase();
    }
}
