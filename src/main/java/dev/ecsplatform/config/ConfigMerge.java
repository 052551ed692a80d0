package dev.ecsplatform.config;

import dev.ecsplatform.config.ConfigNode.Entry;
import dev.ecsplatform.config.ConfigNode.MapNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep-merges the shared base file with one environment file.
 *
 * <p>Maps merge key by key, recursively; anything else (scalars and lists) in the environment file
 * replaces the base value whole. Lists replace rather than append so that an environment can
 * remove an item the base has, the rule Copilot's environment overrides and Helm values follow.
 * Every merged value keeps the location of the file that supplied it.
 */
final class ConfigMerge {

    private ConfigMerge() {
    }

    static MapNode merge(MapNode base, MapNode override) {
        Map<String, Entry> merged = new LinkedHashMap<>(base.entries());
        override.entries().forEach((key, entry) -> {
            Entry existing = merged.get(key);
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
}
