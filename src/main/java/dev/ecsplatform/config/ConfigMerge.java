package dev.ecsplatform.config;

import dev.ecsplatform.config.ConfigNode.Entry;
import dev.ecsplatform.config.ConfigNode.MapNode;
import dev.ecsplatform.config.ConfigNode.ScalarNode;
import dev.ecsplatform.config.ConfigNode.ScalarType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep-merges the shared base file with one environment file.
 *
 * <p>Maps merge key by key, recursively; anything else (scalars and lists) in the environment file
 * replaces the base value whole. Lists replace rather than append so that an environment can
 * remove an item the base has, the rule Copilot's environment overrides and Helm values follow.
 * Every merged value keeps the location of the file that supplied it.
 *
 * <p>A key the environment file writes with no value ({@code user:}, or a null written out) keeps
 * the base file's value: it reads as left out, and a key left out must not silently drop a base
 * setting such as a non-root user or a task count. Removing a base value is done by writing the
 * value wanted instead ({@code []} for a list).
 */
final class ConfigMerge {

    private ConfigMerge() {
    }

    static MapNode merge(MapNode base, MapNode override) {
        Map<String, Entry> merged = new LinkedHashMap<>(base.entries());
        override.entries().forEach((key, entry) -> {
            Entry existing = merged.get(key);
            if (existing != null && isNull(entry.value())) {
                return;
            }
            if (existing != null && existing.value() instanceof MapNode baseMap && entry.value() instanceof MapNode overrideMap) {
                merged.put(key, new Entry(entry.keyLocation(), merge(baseMap, overrideMap)));
            } else {
                merged.put(key, entry);
            }
        });
        // The merged map lives where the environment file's map starts: a missing required key is
        // reported against the environment file, which is where it must be added.
        return new MapNode(override.location(), merged);
    }

    private static boolean isNull(ConfigNode value) {
        return value instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL;
    }
}
