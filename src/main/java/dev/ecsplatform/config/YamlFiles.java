package dev.ecsplatform.config;

import dev.ecsplatform.config.ConfigNode.Entry;
import dev.ecsplatform.config.ConfigNode.ListNode;
import dev.ecsplatform.config.ConfigNode.MapNode;
import dev.ecsplatform.config.ConfigNode.ScalarNode;
import dev.ecsplatform.config.ConfigNode.ScalarType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML file into a {@link ConfigNode} tree that remembers the line and column of every value.
 *
 * <p>SnakeYAML's composer is used rather than its object constructor: the composer keeps positions,
 * and binding is done by {@link FieldReader}, which reports every problem instead of stopping at the first.
 * Before SnakeYAML sees the file, {@link YamlText} checks its characters.
 *
 * <p>YAML anchors and aliases are allowed, but what they expand to is capped: SnakeYAML's composer
 * shares one node per anchor and its own alias limit (50 per document) counts aliases, not what they
 * expand to, so 16 nested levels of three aliases each stay under it and still expand to about
 * 10^8 values. Converting such a file would hang the synth; it is stopped at
 * {@link #MAX_VALUES} values or {@link #MAX_DEPTH} levels instead.
 */
final class YamlFiles {

    /** Far above any real environment file (the shipped ones have a few dozen values), far below a hang. */
    static final int MAX_VALUES = 100_000;

    /** Environment files nest a few levels deep; an alias inside its own anchor nests without end. */
    static final int MAX_DEPTH = 64;

    private YamlFiles() {
    }

    /** Reads {@code file}; a syntax error or an empty file becomes a problem and an empty result. */
    static Optional<MapNode> read(Path file, String displayName, List<ConfigProblem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new ConfigProblem(Location.startOf(displayName), "", "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
        return YamlText.check(bytes, displayName, problems).flatMap(text -> parse(text, displayName, problems));
    }

    /**
     * A YAML literal written in code (a {@link Default}), as a tree whose every node is placed at {@code at}:
     * the place the left-out key belongs, where a problem with the value would be reported.
     */
    static ConfigNode literal(String yaml, Location at) {
        List<ConfigProblem> problems = new java.util.ArrayList<>();
        Optional<MapNode> parsed = parse("value: " + yaml, "default", problems);
        if (parsed.isEmpty() || !problems.isEmpty()) {
            throw new IllegalStateException("the default '" + yaml + "' is not valid YAML: " + problems);
        }
        return relocate(parsed.get().entries().get("value").value(), at);
    }

    private static ConfigNode relocate(ConfigNode node, Location at) {
        if (node instanceof MapNode map) {
            Map<String, Entry> entries = new java.util.LinkedHashMap<>();
            map.entries().forEach((key, entry) -> entries.put(key, new Entry(at, relocate(entry.value(), at))));
            return new MapNode(at, entries);
        }
        if (node instanceof ListNode list) {
            return new ListNode(at, list.items().stream().map(item -> relocate(item, at)).toList());
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ScalarNode(at, scalar.text(), scalar.type());
    }

    /** Parses YAML text, whose characters {@link YamlText} has checked, that comes from {@code displayName}. */
    private static Optional<MapNode> parse(String yamlText, String displayName, List<ConfigProblem> problems) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location where = mark == null ? Location.startOf(displayName) : at(displayName, mark);
            problems.add(new ConfigProblem(where, "", "not valid YAML: " + e.getProblem()));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new ConfigProblem(Location.startOf(displayName), "", "not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
        if (root == null) {
            problems.add(new ConfigProblem(Location.startOf(displayName), "", "the file is empty; it must be a map of settings"));
            return Optional.empty();
        }
        ConfigNode tree;
        try {
            tree = new Converter(displayName, problems).convert(root, "", 1, null);
        } catch (TooLarge e) {
            problems.add(new ConfigProblem(e.where, "", e.getMessage()));
            return Optional.empty();
        }
        if (tree instanceof MapNode map) {
            return Optional.of(map);
        }
        problems.add(new ConfigProblem(tree.location(), "", "the file must be a map of settings, not " + tree.kind()));
        return Optional.empty();
    }

    /** Turns SnakeYAML's node graph into a {@link ConfigNode} tree, expanding aliases, within the caps. */
    private static final class Converter {

        private final String file;
        private final List<ConfigProblem> problems;
        /** Nodes converted once; a node met again is reached through an alias. */
        private final Map<Node, Boolean> seen = new IdentityHashMap<>();
        private int values;

        Converter(String file, List<ConfigProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        /**
         * {@code path} is the dotted path of {@code node}, for problems found while reading it (duplicate
         * keys). {@code written} is where the innermost value on the way here that is not an alias
         * expansion starts: an expanded node carries its anchor's position, so a cap is reported where
         * the aliases that multiply are written instead.
         */
        ConfigNode convert(Node node, String path, int depth, Location written) {
            Location location = at(file, node.getStartMark());
            boolean firstVisit = seen.put(node, Boolean.TRUE) == null;
            Location origin = firstVisit || written == null ? location : written;
            if (++values > MAX_VALUES) {
                throw new TooLarge(origin, "the file expands to more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_VALUES)
                        + " values (YAML anchors and aliases multiply what is written); an environment file needs a few "
                        + "hundred at most, so write the values out or use fewer aliases");
            }
            if (depth > MAX_DEPTH) {
                throw new TooLarge(origin, "values are nested more than " + MAX_DEPTH + " levels deep (an alias inside the "
                        + "value it refers to nests without end); an environment file nests a few levels, so write the values out");
            }
            if (node instanceof MappingNode mapping) {
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    Location keyLocation = at(file, keyNode.getStartMark());
                    if (!(keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode key)) {
                        report(firstVisit, new ConfigProblem(keyLocation, path, "keys must be plain words, not a map or a list"));
                        continue;
                    }
                    String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    if (entries.containsKey(key.getValue())) {
                        report(firstVisit, new ConfigProblem(keyLocation, keyPath,
                                "duplicate key; it is already set at " + entries.get(key.getValue()).keyLocation()));
                        continue;
                    }
                    entries.put(key.getValue(), new Entry(keyLocation, convert(tuple.getValueNode(), keyPath, depth + 1, origin)));
                }
                return new MapNode(location, entries);
            }
            if (node instanceof SequenceNode sequence) {
                List<ConfigNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item, path + "[" + items.size() + "]", depth + 1, origin));
                }
                return new ListNode(location, items);
            }
            org.yaml.snakeyaml.nodes.ScalarNode scalar = (org.yaml.snakeyaml.nodes.ScalarNode) node;
            return new ScalarNode(location, scalar.getValue(), typeOf(scalar.getTag()));
        }

        /** A problem of a map reached again through an alias was reported the first time, at the same place. */
        private void report(boolean firstVisit, ConfigProblem problem) {
            if (firstVisit) {
                problems.add(problem);
            }
        }
    }

    /** Stops a conversion that went past a cap; becomes the file's one problem. */
    private static final class TooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Location where;

        TooLarge(Location where, String message) {
            super(message, null, false, false);
            this.where = where;
        }
    }

    private static ScalarType typeOf(Tag tag) {
        if (Tag.NULL.equals(tag)) {
            return ScalarType.NULL;
        }
        if (Tag.BOOL.equals(tag)) {
            return ScalarType.BOOLEAN;
        }
        if (Tag.INT.equals(tag)) {
            return ScalarType.INTEGER;
        }
        if (Tag.FLOAT.equals(tag)) {
            return ScalarType.FLOAT;
        }
        return ScalarType.STRING;
    }

    private static Location at(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
