package dev.ecsplatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The CDK context the CLI would give the app: {@code cdk.json}'s {@code context} (feature flags)
 * overlaid with {@code cdk.context.json} (cached lookups such as availability zones).
 *
 * <p>The CLI passes this itself; an app run directly with {@code java} and the tests read it from
 * here, so all three synthesize with the same feature flags.
 */
public final class CdkProject {

    private CdkProject() {
    }

    /** The merged context of the project in {@code projectDirectory}. */
    public static Map<String, Object> context(Path projectDirectory) {
        Map<String, Object> context = new LinkedHashMap<>();
        // The CLI turns cdk.json's "versionReporting": false into this context key; do the same so a direct
        // java run and the tests leave the version-specific CDKMetadata resource out just like `cdk synth`.
        Map<String, Object> cdkJson = read(projectDirectory.resolve("cdk.json"));
        if (Boolean.FALSE.equals(cdkJson.get("versionReporting"))) {
            context.put("aws:cdk:version-reporting", false);
        }
        if (cdkJson.get("context") instanceof Map<?, ?> flags) {
            flags.forEach((key, value) -> context.put(String.valueOf(key), value));
        }
        context.putAll(read(projectDirectory.resolve("cdk.context.json")));
        return context;
    }

    /** A JSON file as a map; empty when the file does not exist. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            // JSON is a subset of YAML: SnakeYAML reads these files without another dependency.
            Object root = new Yaml().load(Files.readString(file));
            return root instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
