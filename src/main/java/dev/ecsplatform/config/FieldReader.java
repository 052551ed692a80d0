package dev.ecsplatform.config;

import dev.ecsplatform.config.ConfigNode.Entry;
import dev.ecsplatform.config.ConfigNode.ListNode;
import dev.ecsplatform.config.ConfigNode.MapNode;
import dev.ecsplatform.config.ConfigNode.ScalarNode;
import dev.ecsplatform.config.ConfigNode.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the fields of one YAML map into Java values, recording a {@link ConfigProblem} for every
 * wrong type, out-of-range value or unknown key instead of throwing, so that all problems of all
 * files are reported together.
 *
 * <p>A read that fails returns the default (or a neutral value) so binding can go on; the loader
 * throws once at the end if any problem was recorded, so such a value never reaches a construct.
 * The keys a binder asks for are the keys this map allows: {@link #rejectUnknownKeys()} reports the
 * rest, with a "did you mean" hint.
 */
final class FieldReader {

    private final List<ConfigProblem> problems;
    private final String path;
    private final MapNode node;
    private final Location keyLocation;
    private final Set<String> knownKeys = new LinkedHashSet<>();

    /** A reader for a map that has no key of its own: the file's root, or an item of a list. */
    FieldReader(MapNode node, String path, List<ConfigProblem> problems) {
        this(node, node.location(), path, problems);
    }

    /**
     * A reader for the map written under a key, e.g. {@code web:} under {@code services}. Problems about
     * the map as a whole, such as a missing required key, point at {@code keyLocation}: a block map
     * starts at its first child, which is not where a reader looks for the map, nor where a missing
     * key belongs.
     */
    FieldReader(MapNode node, Location keyLocation, String path, List<ConfigProblem> problems) {
        this.node = node;
        this.keyLocation = keyLocation;
        this.path = path;
        this.problems = problems;
    }

    /** The dotted path of this map, empty at the root. */
    String path() {
        return path;
    }

    /** Where this map is named: its key, or where it starts for the file's root and list items. */
    Location location() {
        return keyLocation;
    }

    /** The dotted path of {@code key} inside this map. */
    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        knownKeys.add(key);
        Entry entry = node.entries().get(key);
        return entry != null && !isNull(entry.value());
    }

    /** Where the value of {@code key} is written, or where this map is named ({@link #location()}) when it is absent. */
    Location locationOf(String key) {
        Entry entry = node.entries().get(key);
        return entry == null ? keyLocation : entry.value().location();
    }

    /** The keys written in this map with a value (a key with no value reads as left out), in file order. */
    List<String> writtenKeys() {
        return node.entries().entrySet().stream().filter(e -> !isNull(e.getValue().value())).map(Map.Entry::getKey).toList();
    }

    /** Marks {@code key} as one this map allows, for {@link #rejectUnknownKeys()}, without reading it. */
    void allow(String key) {
        knownKeys.add(key);
    }

    /** Records that the required {@code key} is missing, at the key of this map (where it belongs). */
    void missing(String key, String message) {
        problems.add(new ConfigProblem(keyLocation, pathOf(key), message));
    }

    /** Records a problem with the value of {@code key}. */
    void problem(String key, String message) {
        problems.add(new ConfigProblem(locationOf(key), pathOf(key), message));
    }

    // ---- scalars -------------------------------------------------------------------------------

    /**
     * A string. Integers and other numbers are read as the text written (an account ID keeps its digits);
     * a YAML boolean or null is a problem, because YAML tools other than this loader (the schema in
     * editors, {@code print-config} readers) see {@code true} or nothing where a string was meant.
     */
    Optional<String> optionalString(String key) {
        knownKeys.add(key);
        Entry entry = node.entries().get(key);
        if (entry != null && entry.value() instanceof ScalarNode scalar) {
            Optional<String> notAString = notAString(scalar);
            if (notAString.isPresent()) {
                problem(key, notAString.get());
                return Optional.empty();
            }
        }
        return scalar(key, "a string").map(ScalarNode::text);
    }

    Optional<Integer> optionalInteger(String key, int min, int max) {
        Optional<ScalarNode> scalar = scalar(key, "an integer");
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        ScalarNode value = scalar.get();
        if (value.type() != ScalarType.INTEGER) {
            problem(key, "expected an integer from " + min + " to " + max + ", got " + value.kind() + " '" + value.text() + "'");
            return Optional.empty();
        }
        long number;
        try {
            number = Long.decode(value.text().replace("_", ""));
        } catch (NumberFormatException e) {
            problem(key, "expected an integer from " + min + " to " + max + ", got '" + value.text() + "'");
            return Optional.empty();
        }
        if (number < min || number > max) {
            problem(key, number + " is out of range; use an integer from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of((int) number);
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<ScalarNode> scalar = scalar(key, "true or false");
        if (scalar.isEmpty()) {
            return defaultValue;
        }
        if (scalar.get().type() != ScalarType.BOOLEAN) {
            problem(key, "expected true or false, got " + scalar.get().kind() + " '" + scalar.get().text() + "'");
            return defaultValue;
        }
        return Boolean.parseBoolean(scalar.get().text().toLowerCase(java.util.Locale.ROOT))
                || scalar.get().text().equalsIgnoreCase("yes") || scalar.get().text().equalsIgnoreCase("on");
    }

    /** One of the constants of {@code type}, by its {@link YamlEnum#yamlName()}. */
    <E extends Enum<E> & YamlEnum> E choice(String key, Class<E> type, E defaultValue) {
        // The text as written, even for a YAML boolean: "'yes' is not allowed; use one of ..." helps more
        // than "put it in quotes", which would only lead to the same problem.
        Optional<String> text = scalar(key, "a string").map(ScalarNode::text);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.yamlName().equals(text.get())) {
                return constant;
            }
        }
        problem(key, "'" + text.get() + "' is not allowed; use one of " + allowedNames(type));
        return defaultValue;
    }

    static <E extends Enum<E> & YamlEnum> String allowedNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(YamlEnum::yamlName).collect(Collectors.joining(", "));
    }

    // ---- collections ---------------------------------------------------------------------------

    /** A list of strings; absent means {@code defaultValue}. */
    List<String> strings(String key, List<String> defaultValue) {
        Optional<ListNode> list = typed(key, ListNode.class, "a list of strings");
        if (list.isEmpty()) {
            return defaultValue;
        }
        List<String> values = new ArrayList<>();
        List<ConfigNode> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            ConfigNode item = items.get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (item instanceof ScalarNode scalar && notAString(scalar).isPresent()) {
                problems.add(new ConfigProblem(item.location(), itemPath, notAString(scalar).get()));
            } else if (item instanceof ScalarNode scalar && scalar.type() != ScalarType.NULL) {
                values.add(scalar.text());
            } else {
                problems.add(new ConfigProblem(item.location(), itemPath, "expected a string, got " + item.kind()));
            }
        }
        return List.copyOf(values);
    }

    /**
     * A list of the constants of {@code type}, by their {@link YamlEnum#yamlName()}; absent means {@code defaultValue}.
     * An unknown name is reported at its item, with the closest allowed name when one is near, and left out.
     */
    <E extends Enum<E> & YamlEnum> List<E> choices(String key, Class<E> type, List<E> defaultValue) {
        Optional<ListNode> list = typed(key, ListNode.class, "a list of " + allowedNames(type));
        if (list.isEmpty()) {
            return defaultValue;
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(YamlEnum::yamlName).toList();
        List<E> values = new ArrayList<>();
        List<ConfigNode> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            ConfigNode item = items.get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (!(item instanceof ScalarNode scalar) || scalar.type() == ScalarType.NULL) {
                problems.add(new ConfigProblem(item.location(), itemPath, "expected one of " + allowedNames(type) + ", got "
                        + item.kind()));
                continue;
            }
            Optional<E> constant = Arrays.stream(type.getEnumConstants()).filter(c -> c.yamlName().equals(scalar.text())).findFirst();
            if (constant.isPresent()) {
                values.add(constant.get());
            } else {
                String suggestion = closest(scalar.text(), names).map(n -> "did you mean '" + n + "'? ").orElse("");
                problems.add(new ConfigProblem(item.location(), itemPath, "'" + scalar.text() + "' is not allowed; "
                        + suggestion + "use one of " + allowedNames(type)));
            }
        }
        return List.copyOf(values);
    }

    /** A map from names to strings (e.g. environment variables); absent means empty. */
    Map<String, String> stringMap(String key) {
        Optional<MapNode> map = typed(key, MapNode.class, "a map of names to strings");
        if (map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        map.get().entries().forEach((name, entry) -> {
            String valuePath = pathOf(key) + "." + name;
            if (entry.value() instanceof ScalarNode scalar && notAString(scalar).isPresent()) {
                problems.add(new ConfigProblem(entry.value().location(), valuePath, notAString(scalar).get()));
            } else if (entry.value() instanceof ScalarNode scalar && scalar.type() != ScalarType.NULL) {
                values.put(name, scalar.text());
            } else {
                problems.add(new ConfigProblem(entry.value().location(), valuePath, "expected a string, got " + entry.value().kind()));
            }
        });
        return values;
    }

    /** The nested map at {@code key}; an absent key reads as an empty map so its defaults apply. */
    FieldReader map(String key) {
        Optional<MapNode> map = typed(key, MapNode.class, "a map");
        Entry entry = node.entries().get(key);
        Location mapKeyLocation = entry == null ? keyLocation : entry.keyLocation();
        return new FieldReader(map.orElse(new MapNode(locationOf(key), Map.of())), mapKeyLocation, pathOf(key), problems);
    }

    /** A map of named maps, e.g. {@code services}: one reader per name, in file order; {@code expectedEntry} says what each name maps to, for a wrong type. */
    Map<String, FieldReader> namedMaps(String key, String expectedEntry) {
        Optional<MapNode> map = typed(key, MapNode.class, "a map of names to settings");
        Map<String, FieldReader> readers = new LinkedHashMap<>();
        map.ifPresent(m -> m.entries().forEach((name, entry) -> {
            String childPath = pathOf(key) + "." + name;
            if (entry.value() instanceof MapNode child) {
                readers.put(name, new FieldReader(child, entry.keyLocation(), childPath, problems));
            } else if (isNull(entry.value())) {
                readers.put(name, new FieldReader(new MapNode(entry.value().location(), Map.of()), entry.keyLocation(), childPath, problems));
            } else {
                problems.add(new ConfigProblem(entry.value().location(), childPath, "expected " + expectedEntry + ", got " + entry.value().kind()));
            }
        }));
        return readers;
    }

    /** A list of maps, e.g. {@code capacity}; empty when absent. */
    Optional<List<FieldReader>> listOfMaps(String key) {
        Optional<ListNode> list = typed(key, ListNode.class, "a list of maps");
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<FieldReader> readers = new ArrayList<>();
        List<ConfigNode> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = pathOf(key) + "[" + i + "]";
            if (items.get(i) instanceof MapNode item) {
                readers.add(new FieldReader(item, itemPath, problems));
            } else {
                problems.add(new ConfigProblem(items.get(i).location(), itemPath, "expected a map, got " + items.get(i).kind()));
            }
        }
        return Optional.of(readers);
    }

    /** Reports every key of this map that no binder asked for. Call after reading all fields. */
    void rejectUnknownKeys() {
        rejectUnknownKeys("allowed keys here");
    }

    /** Like {@link #rejectUnknownKeys()}; {@code allowedLabel} introduces the list, e.g. "keys of the rolling deployment". */
    void rejectUnknownKeys(String allowedLabel) {
        node.entries().forEach((key, entry) -> {
            if (!knownKeys.contains(key)) {
                String suggestion = closest(key).map(k -> "did you mean '" + k + "'? ").orElse("");
                problems.add(new ConfigProblem(entry.keyLocation(), pathOf(key),
                        "unknown key; " + suggestion + allowedLabel + ": " + String.join(", ", knownKeys)));
            }
        });
    }

    // ---- internals -----------------------------------------------------------------------------

    private Optional<ScalarNode> scalar(String key, String expected) {
        Optional<ScalarNode> scalar = typed(key, ScalarNode.class, expected);
        return scalar.filter(s -> s.type() != ScalarType.NULL);
    }

    private <T extends ConfigNode> Optional<T> typed(String key, Class<T> type, String expected) {
        knownKeys.add(key);
        Entry entry = node.entries().get(key);
        if (entry == null || isNull(entry.value())) {
            return Optional.empty();
        }
        if (type.isInstance(entry.value())) {
            return Optional.of(type.cast(entry.value()));
        }
        problem(key, "expected " + expected + ", got " + entry.value().kind());
        return Optional.empty();
    }

    /**
     * Why {@code scalar} cannot stand where a string is expected, if it cannot: a YAML boolean
     * ({@code yes}, {@code on}, {@code true}, ...) or a null written out ({@code null}, {@code ~}). A
     * key written with no value at all is not covered: it reads as left out, as documented.
     */
    private static Optional<String> notAString(ScalarNode scalar) {
        boolean writtenNull = scalar.type() == ScalarType.NULL && !scalar.text().isEmpty();
        if (scalar.type() == ScalarType.BOOLEAN || writtenNull) {
            return Optional.of("expected a string, got " + scalar.kind() + " '" + scalar.text() + "'; put it in quotes");
        }
        return Optional.empty();
    }

    private static boolean isNull(ConfigNode value) {
        return value instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL;
    }

    private Optional<String> closest(String unknown) {
        return closest(unknown, knownKeys);
    }

    /** The candidate within two edits of {@code unknown}, ignoring case, if any. */
    static Optional<String> closest(String unknown, java.util.Collection<String> candidates) {
        return candidates.stream()
                .filter(k -> editDistance(k.toLowerCase(java.util.Locale.ROOT), unknown.toLowerCase(java.util.Locale.ROOT)) <= 2)
                .min(Comparator.comparingInt(k -> editDistance(k, unknown)));
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
