package dev.ecsplatform.config;

import dev.ecsplatform.config.ConfigNode.Entry;
import dev.ecsplatform.config.ConfigNode.ListNode;
import dev.ecsplatform.config.ConfigNode.MapNode;
import dev.ecsplatform.config.ConfigNode.ScalarNode;
import dev.ecsplatform.config.ConfigNode.ScalarType;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 */
final class YamlFiles {

    private YamlFiles() {
    }

    /** Reads {@code file}; a syntax error or an empty file becomes a problem and an empty result. */
    static Optional<MapNode> read(Path file, String displayName, List<ConfigProblem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new ConfigProblem(Location.startOf(displayName), "", "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
        return parse(new StringReader(text), displayName, problems);
    }

    /** Parses YAML text that claims to come from {@code displayName}. */
    static Optional<MapNode> parse(Reader yamlText, String displayName, List<ConfigProblem> problems) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(yamlText);
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
        ConfigNode tree = convert(root, "", displayName, problems);
        if (tree instanceof MapNode map) {
            return Optional.of(map);
        }
        problems.add(new ConfigProblem(tree.location(), "", "the file must be a map of settings, not " + tree.kind()));
        return Optional.empty();
    }

    /** {@code path} is the dotted path of {@code node}, for problems found while reading it (duplicate keys). */
    private static ConfigNode convert(Node node, String path, String file, List<ConfigProblem> problems) {
        Location location = at(file, node.getStartMark());
        if (node instanceof MappingNode mapping) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Location keyLocation = at(file, keyNode.getStartMark());
                if (!(keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode key)) {
                    problems.add(new ConfigProblem(keyLocation, path, "keys must be plain words, not a map or a list"));
                    continue;
                }
                String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (entries.containsKey(key.getValue())) {
                    problems.add(new ConfigProblem(keyLocation, keyPath,
                            "duplicate key; it is already set at " + entries.get(key.getValue()).keyLocation()));
                    continue;
                }
                entries.put(key.getValue(), new Entry(keyLocation, convert(tuple.getValueNode(), keyPath, file, problems)));
            }
            return new MapNode(location, entries);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, path + "[" + items.size() + "]", file, problems));
            }
            return new ListNode(location, items);
        }
        org.yaml.snakeyaml.nodes.ScalarNode scalar = (org.yaml.snakeyaml.nodes.ScalarNode) node;
        return new ScalarNode(location, scalar.getValue(), typeOf(scalar.getTag()));
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
