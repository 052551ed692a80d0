package dev.ecsplatform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two JSON trees and lists the differences by path, one per line, so a failing golden
 * test reads like a review comment: {@code ~ Resources.X.Properties.Port: 80 -> 8080}.
 */
public final class JsonTreeDiff {

    private JsonTreeDiff() {
    }

    /** The differences from {@code expected} to {@code actual}; empty when equal. */
    public static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        walk("", expected, actual, differences);
        return differences;
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = path.isEmpty() ? key : path + "." + key;
                if (!actual.has(key)) {
                    out.add("- " + child + " (removed): " + abbreviate(expected.get(key)));
                } else if (!expected.has(key)) {
                    out.add("+ " + child + " (added): " + abbreviate(actual.get(key)));
                } else {
                    walk(child, expected.get(key), actual.get(key), out);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> left = expected.elements();
            Iterator<JsonNode> right = actual.elements();
            for (int i = 0; left.hasNext(); i++) {
                walk(path + "[" + i + "]", left.next(), right.next(), out);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            // Lengths differ: name the items that appeared or went away rather than the whole list.
            List<JsonNode> removed = new ArrayList<>();
            expected.forEach(removed::add);
            List<JsonNode> added = new ArrayList<>();
            actual.forEach(item -> {
                if (!removed.remove(item)) {
                    added.add(item);
                }
            });
            removed.forEach(item -> out.add("- " + path + "[] (removed): " + abbreviate(item)));
            added.forEach(item -> out.add("+ " + path + "[] (added): " + abbreviate(item)));
            return;
        }
        out.add("~ " + path + ": " + abbreviate(expected) + " -> " + abbreviate(actual));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
