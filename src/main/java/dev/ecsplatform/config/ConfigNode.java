package dev.ecsplatform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written, so that every error can point at a line and column
 * even after the shared base file and an environment file have been merged.
 */
public sealed interface ConfigNode {

    /** Where this value starts. */
    Location location();

    /** A word for the kind of value, used in "expected a map, got a list" messages. */
    String kind();

    /** A mapping. Keys keep their order and their own locations. */
    record MapNode(Location location, Map<String, Entry> entries) implements ConfigNode {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /** One key of a mapping with the location of the key itself. */
    record Entry(Location keyLocation, ConfigNode value) {
    }

    /** A sequence. */
    record ListNode(Location location, List<ConfigNode> items) implements ConfigNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as written. {@code text} is the raw text (so {@code 012345678901} keeps its leading zero);
     * {@code type} is what YAML would read it as.
     */
    record ScalarNode(Location location, String text, ScalarType type) implements ConfigNode {
        @Override
        public String kind() {
            return switch (type) {
                case NULL -> "null";
                case BOOLEAN -> "a boolean";
                case INTEGER -> "an integer";
                case FLOAT -> "a number";
                case STRING -> "a string";
            };
        }
    }

    /** The YAML 1.1 core types SnakeYAML resolves plain scalars to. */
    enum ScalarType { NULL, BOOLEAN, INTEGER, FLOAT, STRING }
}
