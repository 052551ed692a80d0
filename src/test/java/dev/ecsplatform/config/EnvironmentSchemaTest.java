package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ecsplatform.testkit.TestEnvironments;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The JSON Schema editors use for the environment files ({@code schema/environment.schema.json})
 * accepts what ships, accepts every effective config, rejects what it should, and says the same
 * thing as the config records and the binder: same keys, same enum names, same types, same
 * CloudWatch and Fargate tables, same constant defaults.
 *
 * <p>The schema describes ONE file, because base.yaml and an environment file are merged: it
 * requires nothing and leaves cross-file rules (timeout below interval, priorities unique per
 * load balancer, ...) to the binder.
 */
class EnvironmentSchemaTest {

    private static final Path SCHEMA_FILE = Path.of("schema", "environment.schema.json");
    private static final Path ENVIRONMENTS = Path.of("environments");
    private static final Path REFERENCE = Path.of("docs", "configuration.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schemaTree;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaTree = JSON.readTree(SCHEMA_FILE.toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    // ---- (a), (b): what ships validates -----------------------------------------------------------

    @Test
    void shippedEnvironmentFilesValidateAgainstTheSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(ENVIRONMENTS)) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("environment files").contains(ENVIRONMENTS.resolve(EnvironmentLoader.BASE_FILE)).hasSizeGreaterThan(1);

        Map<String, List<String>> errorsByFile = new TreeMap<>();
        for (Path file : files) {
            errorsByFile.put(file.toString(), errors(yaml(Files.readString(file, StandardCharsets.UTF_8))));
        }

        assertThat(errorsByFile).allSatisfy((file, errors) -> assertThat(errors).as(file).isEmpty());
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
    void effectiveConfigOfEveryEnvironmentValidatesAgainstTheSchema() {
        List<EnvironmentConfig> environments = EnvironmentLoader.loadAll(ENVIRONMENTS);
        assertThat(environments).isNotEmpty();

        Map<String, List<String>> errorsByEnvironment = new TreeMap<>();
        for (EnvironmentConfig environment : environments) {
            errorsByEnvironment.put(environment.name(), errors(JSON.valueToTree(EffectiveConfig.toTree(environment))));
        }

        assertThat(errorsByEnvironment).allSatisfy((name, errors) -> assertThat(errors).as(name).isEmpty());
    }

    // ---- (c): the schema and the records agree ----------------------------------------------------

    @Test
    void schemaPropertiesAreExactlyTheNonDerivedRecordComponents() {
        assertThat(new RecordSchemaComparison(schemaTree).keyMismatches()).isEmpty();
    }

    @Test
    void recordComparisonNamesTheRecordAndKeyOfAMismatch() {
        ObjectNode broken = schemaTree.deepCopy();
        ObjectNode properties = (ObjectNode) broken.at("/$defs/healthCheck/properties");
        properties.set("intervalSecs", properties.remove("intervalSeconds"));

        assertThat(new RecordSchemaComparison(broken).keyMismatches()).containsExactlyInAnyOrder(
                "HealthCheckConfig.intervalSeconds (services.<name>.healthCheck.intervalSeconds): "
                        + "a record component the schema does not list",
                "HealthCheckConfig.intervalSecs (services.<name>.healthCheck.intervalSecs): "
                        + "a schema property that is no record component");
    }

    @Test
    void everyEnumFieldAllowsExactlyTheYamlNamesOfItsEnum() {
        List<String> mismatches = new ArrayList<>();
        for (SchemaField field : new RecordSchemaComparison(schemaTree).fields()) {
            if (field.javaClass().isEnum()) {
                List<String> yamlNames = Arrays.stream(field.javaClass().getEnumConstants())
                        .map(c -> ((YamlEnum) c).yamlName()).toList();
                List<String> schemaNames = strings(field.resolved().path("enum"));
                if (!schemaNames.equals(yamlNames)) {
                    mismatches.add(field.where() + ": schema enum " + schemaNames + ", " + field.javaClass().getSimpleName()
                            + " yaml names " + yamlNames);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyFieldHasTheJsonTypeOfItsJavaType() {
        List<String> mismatches = new ArrayList<>();
        for (SchemaField field : new RecordSchemaComparison(schemaTree).fields()) {
            String expected = jsonType(field.javaClass());
            String actual = field.resolved().path("type").asText("(none)");
            if (!expected.equals(actual)) {
                mismatches.add(field.where() + ": schema type " + actual + ", Java type " + field.javaClass().getSimpleName()
                        + " needs " + expected);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyPropertyDescribesItself() {
        List<String> undescribed = new RecordSchemaComparison(schemaTree).fields().stream()
                .filter(f -> f.property().path("description").asText("").isBlank())
                .map(SchemaField::where)
                .toList();
        assertThat(undescribed).isEmpty();
    }

    @Test
    void retentionFieldsAllowExactlyTheRetentionsCloudWatchAccepts() {
        assertThat(integers(schemaTree.at("/$defs/retentionDays/enum"))).isEqualTo(IntegerChoices.LOG_RETENTION_DAYS.choices());
        assertThat(schemaTree.at("/$defs/logs/properties/retentionDays/$ref").asText()).isEqualTo("#/$defs/retentionDays");
        assertThat(schemaTree.at("/$defs/network/properties/flowLogRetentionDays/$ref").asText()).isEqualTo("#/$defs/retentionDays");
    }

    @Test
    void regionAllowsExactlyTheRegionsOfTheFactTable() {
        assertThat(strings(schemaTree.at("/properties/region/enum"))).isEqualTo(AwsRegions.names());
    }

    @Test
    void fargateCpuAndMemoryRulesAreFargateSizes() {
        JsonNode service = schemaTree.at("/$defs/service");
        assertThat(integers(service.at("/properties/cpu/enum"))).isEqualTo(FargateSizes.cpuValues());

        Map<Integer, List<Integer>> memoryByCpu = new TreeMap<>();
        for (JsonNode rule : service.path("allOf")) {
            memoryByCpu.put(rule.at("/if/properties/cpu/const").asInt(), integers(rule.at("/then/properties/memory/enum")));
        }
        Map<Integer, List<Integer>> expected = new TreeMap<>();
        FargateSizes.cpuValues().forEach(cpu -> expected.put(cpu, FargateSizes.memoryFor(cpu)));
        assertThat(memoryByCpu).isEqualTo(expected);
    }

    @Test
    void schemaDefaultsAreTheValuesTheBinderApplies(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("dev.yaml"), TestEnvironments.minimal("dev"), StandardCharsets.UTF_8);
        JsonNode effective = JSON.valueToTree(EffectiveConfig.toTree(EnvironmentLoader.load(directory, "dev")));

        List<String> checked = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        compareDefaults(schemaTree, effective, "", checked, mismatches);

        assertThat(checked).as("defaults compared").hasSizeGreaterThan(20);
        assertThat(mismatches).isEmpty();
    }

    // ---- the reference page agrees too ------------------------------------------------------------

    @Test
    void referencePageDocumentsEveryField() throws IOException {
        String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        List<String> undocumented = new RecordSchemaComparison(schemaTree).fields().stream()
                .map(SchemaField::path)
                .filter(path -> !reference.contains("| `" + path + "` |"))
                .toList();
        assertThat(undocumented).as("fields without a row in " + REFERENCE).isEmpty();
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

    // ---- (d): the schema rejects what the binder rejects -------------------------------------------

    @Test
    void rejectsAnUnknownKey() {
        assertThat(errors(yaml("""
                services:
                  web:
                    helthCheck:
                      path: /health
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
    void rejectsFargateMemoryThatDoesNotMatchCpu() {
        assertThat(errors(yaml("""
                services:
                  web:
                    cpu: 256
                    memory: 4096
                """))).singleElement().asString().startsWith("$.services.web.memory");
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
    void rejectsARootUser() {
        assertThat(errors(yaml("services: {web: {user: \"0:0\"}}"))).singleElement().asString().startsWith("$.services.web.user");
    }

    @Test
    void rejectsSecretLookingEnvironmentVariables() {
        assertThat(errors(yaml("services: {web: {environment: {DB_PASSWORD: hunter2}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("DB_PASSWORD"));
    }

    @Test
    void rejectsAnyEnvironmentVariableNameContainingKey() {
        assertThat(errors(yaml("services: {web: {environment: {STRIPE_KEY: x}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("STRIPE_KEY"));
        assertThat(errors(yaml("services: {web: {environment: {NGINX_ENTRYPOINT_QUIET_LOGS: \"1\"}}}"))).isEmpty();
    }

    @Test
    void rejectsSecretMaterialAsAnEnvironmentVariableValue() {
        assertThat(errors(yaml("services: {web: {environment: {UPLOADER: AKIAIOSFODNN7EXAMPLE}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("UPLOADER"));
        assertThat(errors(yaml("services: {web: {environment: {DATABASE_URL: \"postgres://app:pw@db/app\"}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("DATABASE_URL"));
        assertThat(errors(yaml("services: {web: {environment: {UPSTREAM: \"https://api.example.com:8443/v1/@me\"}}}"))).isEmpty();
    }

    @Test
    void rejectsASecretWithBothSourcesOrAJsonKeyOfAParameter() {
        assertThat(errors(yaml("services: {web: {secrets: {DB: {secretsManager: a, ssmParameter: b}}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("$.services.web.secrets.DB"));
        assertThat(errors(yaml("services: {web: {secrets: {DB: {ssmParameter: /a, key: b}}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("$.services.web.secrets.DB"));
        assertThat(errors(yaml("services: {web: {secrets: {DB: {key: password}}}}"))).as("key may add to base.yaml's secret")
                .isEmpty();
    }

    @Test
    void requiresAReasonExactlyOnStatementsWithAWildcard() {
        assertThat(errors(yaml("services: {web: {taskRole: {statements: [{actions: [\"s3:Get*\"], resources: [\"*\"]}]}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("$.services.web.taskRole.statements[0]"));
        assertThat(errors(yaml("services: {web: {taskRole: {statements: [{actions: [sqs:SendMessage], "
                + "resources: [\"arn:aws:sqs:eu-west-1:123456789012:q\"], reason: The service publishes order events}]}}}")))
                .isNotEmpty().allSatisfy(error -> assertThat(error).contains("$.services.web.taskRole.statements[0]"));
        assertThat(errors(yaml("services: {web: {taskRole: {statements: [{actions: [\"s3:Get*\"], resources: [\"*\"], "
                + "reason: Reads every object of the bucket}]}}}"))).isEmpty();
    }

    @Test
    void rejectsAnAwsManagedPolicy() {
        assertThat(errors(yaml("services: {web: {taskRole: {managedPolicies: [\"arn:aws:iam::aws:policy/AdministratorAccess\"]}}}")))
                .singleElement().asString().startsWith("$.services.web.taskRole.managedPolicies[0]");
    }

    @Test
    void rejectsAVpcTooSmallForLoadBalancerSubnets() {
        assertThat(errors(yaml("network: {cidr: 10.0.0.0/24}"))).singleElement().asString().startsWith("$.network.cidr");
        assertThat(errors(yaml("network: {cidr: 10.0.2.0/23}"))).isEmpty();
    }

    @Test
    void rejectsAHealthCheckPathWithShellCharacters() {
        assertThat(errors(yaml("services: {web: {healthCheck: {path: \"/health?x=$(id)\"}}}")))
                .singleElement().asString().startsWith("$.services.web.healthCheck.path");
        assertThat(errors(yaml("services: {web: {healthCheck: {path: /api/v1.0/health_check-~%20}}}"))).isEmpty();
    }

    @Test
    void rejectsARegionThatDoesNotExist() {
        assertThat(errors(yaml("region: eu-west-9"))).singleElement().asString().startsWith("$.region");
        assertThat(errors(yaml("region: eusc-de-east-1"))).isEmpty();
    }

    @Test
    void rejectsAnOwnerThatCannotBeATagValue() {
        assertThat(errors(yaml("owner: \"team #1\""))).singleElement().asString().startsWith("$.owner");
        assertThat(errors(yaml("owner: " + "a".repeat(257)))).singleElement().asString().startsWith("$.owner");
        assertThat(errors(yaml("owner: yes"))).singleElement().asString().startsWith("$.owner");
        assertThat(errors(yaml("owner: \"Équipe Plateforme +-=._:/@ 42\""))).isEmpty();
    }

    @Test
    void rejectsWritablePathsOnAWritableRootFilesystem() {
        assertThat(errors(yaml("services: {web: {readonlyRootFilesystem: false, writablePaths: [/tmp]}}")))
                .singleElement().asString().startsWith("$.services.web.writablePaths");
        assertThat(errors(yaml("services: {web: {readonlyRootFilesystem: false, writablePaths: []}}"))).isEmpty();
    }

    @Test
    void rejectsLogRetentionUnderAYearInAProdFile() {
        assertThat(errors(yaml("""
                tier: prod
                logs:
                  retentionDays: 180
                network:
                  flowLogRetentionDays: 90
                """))).hasSize(2).anySatisfy(error -> assertThat(error).startsWith("$.logs.retentionDays"))
                .anySatisfy(error -> assertThat(error).startsWith("$.network.flowLogRetentionDays"));
    }

    @Test
    void rejectsLoweringProdSafetyInAProdFile() {
        assertThat(errors(yaml("""
                tier: prod
                network:
                  maxAzs: 2
                """))).singleElement().asString().startsWith("$.network.maxAzs");
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

    /** Walks schema and effective config together; every {@code default} must equal the value the binder applied. */
    private static void compareDefaults(JsonNode schemaNode, JsonNode instance, String path, List<String> checked,
                                        List<String> mismatches) {
        JsonNode resolved = resolve(schemaTree, schemaNode);
        if (instance.isObject()) {
            resolved.path("properties").fields().forEachRemaining(property -> {
                String key = property.getKey();
                String childPath = path.isEmpty() ? key : path + "." + key;
                JsonNode applied = instance.get(key);
                if (property.getValue().has("default")) {
                    checked.add(childPath);
                    if (!property.getValue().get("default").equals(applied)) {
                        mismatches.add(childPath + ": schema default " + property.getValue().get("default")
                                + ", binder applied " + applied);
                    }
                }
                if (applied != null) {
                    compareDefaults(property.getValue(), applied, childPath, checked, mismatches);
                }
            });
            if (resolved.path("additionalProperties").isObject()) {
                instance.fields().forEachRemaining(entry -> compareDefaults(resolved.get("additionalProperties"),
                        entry.getValue(), path + "." + entry.getKey(), checked, mismatches));
            }
        } else if (instance.isArray() && resolved.path("items").isObject()) {
            for (int i = 0; i < instance.size(); i++) {
                compareDefaults(resolved.get("items"), instance.get(i), path + "[" + i + "]", checked, mismatches);
            }
        }
    }

    /** Follows a local {@code $ref} ({@code #/$defs/name}); any other node is returned as is. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        assertThat(ref.asText()).as("only local references are used").startsWith("#/");
        JsonNode target = root.at(ref.asText().substring(1));
        assertThat(target.isMissingNode()).as("target of " + ref.asText()).isFalse();
        return resolve(root, target);
    }

    private static String jsonType(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        throw new IllegalArgumentException("no JSON type for " + type);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<Integer> integers(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }

    /**
     * One record component and the schema property that describes it.
     *
     * @param record    the record's simple name, e.g. {@code HealthCheckConfig}
     * @param key       the component name, which is the YAML key
     * @param path      the dotted YAML path, e.g. {@code services.<name>.healthCheck.intervalSeconds}
     * @param javaClass the component's type with {@code Optional} unwrapped
     * @param property  the schema property as written (description and {@code $ref} sit here)
     * @param resolved  the property with its {@code $ref} followed (type, enum and properties sit here)
     */
    record SchemaField(String record, String key, String path, Class<?> javaClass, JsonNode property, JsonNode resolved) {

        String where() {
            return record + "." + key + " (" + path + ")";
        }
    }

    /**
     * Walks the config records from {@link EnvironmentConfig} down (through nested records and the
     * element types of {@code Map<String, X>}, {@code List<X>} and {@code Optional<X>}) alongside the
     * schema (through {@code properties}, {@code additionalProperties}, {@code items} and {@code $ref}).
     */
    static final class RecordSchemaComparison {

        private final JsonNode root;
        private final List<String> keyMismatches = new ArrayList<>();
        private final List<SchemaField> fields = new ArrayList<>();

        RecordSchemaComparison(JsonNode root) {
            this.root = root;
            walkRecord(EnvironmentConfig.class, root, "");
        }

        /** One line per key that is in the record but not the schema, or the other way round. */
        List<String> keyMismatches() {
            return keyMismatches;
        }

        /** Every component that the schema also has, outermost first. */
        List<SchemaField> fields() {
            return fields;
        }

        private void walkRecord(Class<?> type, JsonNode objectSchema, String path) {
            String record = type.getSimpleName();
            JsonNode properties = resolve(root, objectSchema).path("properties");
            Set<String> schemaKeys = new LinkedHashSet<>();
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                schemaKeys.add(names.next());
            }
            Set<String> componentKeys = new LinkedHashSet<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (!component.isAnnotationPresent(Derived.class)) {
                    componentKeys.add(component.getName());
                }
            }
            componentKeys.stream().filter(k -> !schemaKeys.contains(k)).forEach(k -> keyMismatches.add(
                    record + "." + k + " (" + pathOf(path, k) + "): a record component the schema does not list"));
            schemaKeys.stream().filter(k -> !componentKeys.contains(k)).forEach(k -> keyMismatches.add(
                    record + "." + k + " (" + pathOf(path, k) + "): a schema property that is no record component"));

            for (RecordComponent component : type.getRecordComponents()) {
                String key = component.getName();
                if (!componentKeys.contains(key) || !schemaKeys.contains(key)) {
                    continue;
                }
                JsonNode property = properties.get(key);
                Type javaType = unwrapOptional(component.getGenericType());
                fields.add(new SchemaField(record, key, pathOf(path, key), rawClass(javaType), property, resolve(root, property)));
                walkValue(javaType, property, pathOf(path, key));
            }
        }

        private void walkValue(Type type, JsonNode valueSchema, String path) {
            Class<?> raw = rawClass(type);
            JsonNode resolved = resolve(root, valueSchema);
            if (raw.isRecord()) {
                walkRecord(raw, resolved, path);
            } else if (List.class.isAssignableFrom(raw)) {
                walkValue(typeArgument(type, 0), resolved.path("items"), path + "[]");
            } else if (Map.class.isAssignableFrom(raw)) {
                walkValue(typeArgument(type, 1), resolved.path("additionalProperties"), path + ".<name>");
            }
        }

        private static String pathOf(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private static Type unwrapOptional(Type type) {
            return rawClass(type) == Optional.class ? typeArgument(type, 0) : type;
        }

        private static Type typeArgument(Type type, int index) {
            return ((ParameterizedType) type).getActualTypeArguments()[index];
        }

        private static Class<?> rawClass(Type type) {
            return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        }
    }
}
