package dev.ecsplatform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Golden templates: the reviewed CloudFormation of every stack, normalized so that only meaningful
 * changes show. They are rewritten only when the build runs with {@code -Dgolden.update=true}.
 */
public final class GoldenTemplates {

    /** Where the golden templates live: one folder per environment, one file per stack name. */
    public static final Path DIRECTORY = SynthesizedApp.PROJECT.resolve("src/test/resources/golden");

    /** Asset hashes change with every CDK release that touches a bundled handler (aws-cdk#13468). */
    private static final Pattern ASSET_HASH = Pattern.compile("[0-9a-f]{64}");

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private GoldenTemplates() {
    }

    /** Whether this run rewrites golden files instead of comparing with them. */
    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** The golden file of {@code stackName} in {@code environment}. */
    public static Path file(String environment, String stackName) {
        return DIRECTORY.resolve(environment).resolve(stackName + ".template.json");
    }

    /** The template as a JSON tree with asset hashes replaced by a placeholder. */
    public static JsonNode normalize(Map<String, Object> template) {
        return normalizeTree(JSON.valueToTree(template));
    }

    static JsonNode normalizeTree(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(ASSET_HASH.matcher(node.asText()).replaceAll("<asset-hash>"));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalizeTree(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(normalizeTree(item)));
            return copy;
        }
        return node;
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, JsonNode tree) {
        try {
            Files.createDirectories(file.getParent());
            // Sorted keys through a Map round trip, so the file diffs cleanly in review.
            Object sorted = JSON.treeToValue(tree, Object.class);
            Files.writeString(file, JSON.writeValueAsString(sorted) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
