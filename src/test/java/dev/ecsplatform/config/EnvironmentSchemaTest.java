package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ecsplatform.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The JSON Schema editors use ({@code schema/environment.schema.json}, generated from the config records,
 * see {@link ConfigReferenceTest}) accepts every file that ships and every effective config, and rejects
 * what one file alone can get wrong. It describes ONE file, because base.yaml and an environment file are
 * merged: it requires nothing and leaves the rules that span fields to {@link EnvironmentRules}.
 */
class EnvironmentSchemaTest {

    private static final Path SCHEMA_FILE = Path.of("schema", "environment.schema.json");
    private static final Path ENVIRONMENTS = Path.of("environments");
    private static final Path REFERENCE = Path.of("docs", "configuration.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(SCHEMA_FILE.toFile()));
    }

    // ---- what ships validates ----------------------------------------------------------------------

    @Test
    void everyEnvironmentFileThatShipsOrIsAFixtureValidates() throws IOException {
        Map<String, List<String>> errorsByFile = new TreeMap<>();
        for (Path directory : List.of(ENVIRONMENTS, Fixtures.DIRECTORY)) {
            try (Stream<Path> listing = Files.list(directory)) {
                for (Path file : listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    errorsByFile.put(file.toString(), errors(yaml(Files.readString(file, StandardCharsets.UTF_8))));
                }
            }
        }

        assertThat(errorsByFile).hasSizeGreaterThan(5).allSatisfy((file, errors) -> assertThat(errors).as(file).isEmpty());
    }

    @Test
    void shippedEnvironmentFilesPointEditorsAtTheSchema() throws IOException {
        try (Stream<Path> listing = Files.list(ENVIRONMENTS)) {
            assertThat(listing.filter(f -> f.toString().endsWith(".yaml")).toList()).allSatisfy(file ->
                    assertThat(Files.readString(file)).as(file.toString())
                            .startsWith("# yaml-language-server: $schema=../schema/environment.schema.json\n"));
        }
    }

    @Test
    void effectiveConfigOfEveryEnvironmentAndFixtureValidates() {
        Map<String, List<String>> errorsByEnvironment = new TreeMap<>();
        for (Path directory : List.of(ENVIRONMENTS, Fixtures.DIRECTORY)) {
            for (EnvironmentConfig environment : EnvironmentLoader.loadAll(directory)) {
                errorsByEnvironment.put(directory + "/" + environment.name(),
                        errors(JSON.valueToTree(EffectiveConfig.toTree(environment))));
            }
        }

        assertThat(errorsByEnvironment).hasSizeGreaterThan(5).allSatisfy((name, errors) -> assertThat(errors).as(name).isEmpty());
    }

    @Test
    void fullExampleOnTheReferencePageValidatesAndLoads(@TempDir Path directory) throws IOException {
        String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        String example = reference.substring(reference.indexOf("```yaml", reference.indexOf("## Full example")) + "```yaml".length(),
                reference.lastIndexOf("```"));

        assertThat(errors(yaml(example))).isEmpty();
        Files.writeString(directory.resolve("prod.yaml"), example, StandardCharsets.UTF_8);
        EnvironmentConfig loaded = EnvironmentLoader.load(directory, "prod");
        assertThat(errors(JSON.valueToTree(EffectiveConfig.toTree(loaded)))).isEmpty();
    }

    // ---- what one file can get wrong is flagged in the editor -------------------------------------

    @Test
    void rejectsAnUnknownKey() {
        assertThat(errors(yaml("""
                services:
                  web:
                    helthCheck:
                      command: []
                """))).singleElement().asString().contains("$.services.web").contains("helthCheck");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertThat(errors(yaml("""
                services:
                  web:
                    port: "8080"
                """))).singleElement().asString().startsWith("$.services.web.port").contains("integer");
    }

    @Test
    void rejectsAnUnquotedAccountId() {
        assertThat(errors(yaml("account: 111111111111"))).singleElement().asString().startsWith("$.account");
    }

    @Test
    void rejectsAFargateCpuSizeThatDoesNotExist() {
        assertThat(errors(yaml("services: {web: {compute: {fargate: {cpu: 300}}}}"))).singleElement().asString()
                .startsWith("$.services.web.compute.fargate.cpu");
    }

    @Test
    void rejectsALogRetentionCloudWatchDoesNotAccept() {
        assertThat(errors(yaml("logs: {retentionDays: 10}"))).singleElement().asString().startsWith("$.logs.retentionDays");
    }

    @Test
    void rejectsAServiceNameThatCannotBePartOfAStackName() {
        assertThat(errors(yaml("services: {Web_Service: {port: 8080}}"))).isNotEmpty()
                .allSatisfy(error -> assertThat(error).contains("Web_Service"));
    }

    @Test
    void rejectsAHealthCheckPathWithShellCharacters() {
        assertThat(errors(yaml("services: {web: {traffic: {alb: {healthCheck: {path: \"/health; rm -rf /\"}}}}}")))
                .singleElement().asString().startsWith("$.services.web.traffic.alb.healthCheck.path");
    }

    @Test
    void rejectsAnUnknownKindOfDeploymentAndTwoAtOnce() {
        assertThat(errors(yaml("services: {web: {deployment: {spinnaker: {}}}}"))).isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith("$.services.web.deployment"));
        assertThat(errors(yaml("services: {web: {compute: {fargate: {}, fargate2: {}}}}"))).isNotEmpty();
        // Two kinds that each exist: rejected for being two, not for an unknown key
        assertThat(errors(yaml("services: {web: {deployment: {rolling: {}, canary: {}}}}"))).isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith("$.services.web.deployment"));
    }

    @Test
    void acceptsAWorkerWithoutTraffic() {
        assertThat(errors(yaml("services: {worker: {image: busybox, user: \"1000\", command: [sh, -c, sleep 60]}}"))).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Parses YAML the way the loader does (SnakeYAML, YAML 1.1 scalars) into a JSON tree. */
    private static JsonNode yaml(String text) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return JSON.valueToTree(document);
    }

    private static List<String> errors(JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
