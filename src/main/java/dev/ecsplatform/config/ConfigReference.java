package dev.ecsplatform.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What is derived from the annotated config records (ADR 0008): the JSON Schema editors use
 * ({@code schema/environment.schema.json}) and the field tables of {@code docs/configuration.md}. Both are
 * committed; {@code ConfigReferenceTest} fails when either is stale and rewrites them with
 * {@code -Dconfig-reference.update=true}.
 */
public final class ConfigReference {

    /** Where the generated tables go in the reference page. */
    public static final String BEGIN_MARKER = "<!-- BEGIN GENERATED FIELD REFERENCE: edit the config records, then run the "
            + "command in docs/configuration.md#editing-this-reference -->";
    public static final String END_MARKER = "<!-- END GENERATED FIELD REFERENCE -->";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigReference() {
    }

    // ---- the JSON Schema -----------------------------------------------------------------------------

    /** The JSON Schema of one environment file, as committed (2-space indented, one trailing newline). */
    public static String schemaJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode schema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", "ECS platform environment file");
        schema.put("description", "One file under environments/: base.yaml (what every environment shares) or <name>.yaml "
                + "(one environment, deep-merged over base.yaml: maps merge key by key, lists and values replace). Because a "
                + "key may come from either file, this schema requires nothing; the app checks the merged result, including "
                + "the required keys and the rules that span fields. Generated from the config records; reference: "
                + "docs/configuration.md.");
        Map<String, ObjectNode> definitions = new LinkedHashMap<>();
        ObjectNode root = recordSchema(EnvironmentConfig.class, definitions);
        root.fields().forEachRemaining(field -> schema.set(field.getKey(), field.getValue()));
        ObjectNode defs = schema.putObject("$defs");
        definitions.forEach(defs::set);
        return schema;
    }

    private static ObjectNode recordSchema(Class<?> record, Map<String, ObjectNode> definitions) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        Optional.ofNullable(record.getAnnotation(Doc.class)).ifPresent(doc -> schema.put("description", plain(doc.value())));
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            if (!component.isAnnotationPresent(Derived.class)) {
                properties.set(component.getName(), componentSchema(component, definitions));
            }
        }
        return schema;
    }

    private static ObjectNode componentSchema(RecordComponent component, Map<String, ObjectNode> definitions) {
        Type type = valueType(component);
        ObjectNode schema = typeSchema(component, type, definitions);
        ObjectNode described = JSON.createObjectNode();
        described.put("description", plain(description(component)));
        described.setAll(schema);
        constantDefault(component).ifPresent(value -> described.set("default", JSON.valueToTree(value)));
        return described;
    }

    private static ObjectNode typeSchema(RecordComponent component, Type type, Map<String, ObjectNode> definitions) {
        Class<?> raw = RecordBinder.raw(type);
        ObjectNode schema = JSON.createObjectNode();
        if (raw == String.class) {
            schema.put("type", "string");
            Optional.ofNullable(component.getAnnotation(Matches.class)).ifPresent(m -> schema.put("pattern", anchored(m.regex())));
            if (component.isAnnotationPresent(Required.class)) {
                schema.put("minLength", 1);
            }
        } else if (raw == int.class || raw == Integer.class) {
            OneOf oneOf = component.getAnnotation(OneOf.class);
            if (oneOf != null) {
                ArrayNode values = schema.putArray("enum");
                oneOf.value().choices().forEach(values::add);
            } else {
                Range range = component.getAnnotation(Range.class);
                schema.put("type", "integer");
                schema.put("minimum", range.min());
                schema.put("maximum", range.max());
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw.isEnum()) {
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((YamlEnum) constant).yamlName());
            }
        } else if (raw == List.class) {
            schema.put("type", "array");
            Class<?> item = RecordBinder.raw(RecordBinder.argument(type, 0));
            ObjectNode items = schema.putObject("items");
            if (item == String.class) {
                items.put("type", "string");
                Optional.ofNullable(component.getAnnotation(Matches.class)).ifPresent(m -> items.put("pattern", anchored(m.regex())));
            } else if (item.isEnum()) {
                ArrayNode values = items.putArray("enum");
                for (Object constant : item.getEnumConstants()) {
                    values.add(((YamlEnum) constant).yamlName());
                }
            } else {
                items.put("$ref", reference(item, definitions));
            }
            if (component.isAnnotationPresent(NotEmpty.class)) {
                schema.put("minItems", 1);
            }
        } else if (raw == Map.class) {
            schema.put("type", "object");
            Optional.ofNullable(component.getAnnotation(KeysMatch.class))
                    .ifPresent(keys -> schema.putObject("propertyNames").put("pattern", anchored(keys.regex())));
            Class<?> value = RecordBinder.raw(RecordBinder.argument(type, 1));
            if (value == String.class) {
                schema.putObject("additionalProperties").put("type", "string");
            } else {
                schema.putObject("additionalProperties").put("$ref", reference(value, definitions));
            }
        } else if (raw.isRecord() || raw.isSealed()) {
            schema.put("$ref", reference(raw, definitions));
        } else {
            throw new IllegalStateException("no schema for " + type);
        }
        return schema;
    }

    /** A {@code $ref} to the definition of a record or a sealed variant type, adding the definition once. */
    private static String reference(Class<?> type, Map<String, ObjectNode> definitions) {
        String name = definitionName(type);
        if (!definitions.containsKey(name)) {
            definitions.put(name, JSON.createObjectNode());
            ObjectNode definition;
            if (type.isSealed()) {
                definition = JSON.createObjectNode();
                definition.put("type", "object");
                definition.put("description", "Exactly one of: " + String.join(", ", RecordBinder.variants(type).keySet()) + ".");
                definition.put("additionalProperties", false);
                definition.put("minProperties", 1);
                definition.put("maxProperties", 1);
                ObjectNode properties = definition.putObject("properties");
                RecordBinder.variants(type).forEach((variant, record) ->
                        properties.putObject(variant).put("$ref", reference(record, definitions)));
            } else {
                definition = recordSchema(type, definitions);
            }
            definitions.put(name, definition);
        }
        return "#/$defs/" + name;
    }

    private static String definitionName(Class<?> type) {
        String name = type.getSimpleName().replaceFirst("Config$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String anchored(String regex) {
        return "^(?:" + regex + ")$";
    }

    /** A constant default (the same in every tier), for editors to show; tier-dependent and computed ones are described. */
    private static Optional<Object> constantDefault(RecordComponent component) {
        Default annotation = component.getAnnotation(Default.class);
        if (annotation == null || !annotation.computed().isEmpty() || !annotation.prod().isEmpty()) {
            return Optional.empty();
        }
        Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load("value: " + annotation.value());
        Object parsed = ((Map<?, ?>) value).get("value");
        // An empty map stands for "all defaults of the record", which editors show better from the definition.
        return parsed instanceof Map<?, ?> map && map.isEmpty() ? Optional.empty() : Optional.of(parsed);
    }

    // ---- the field tables ----------------------------------------------------------------------------

    /** The generated part of docs/configuration.md, markers included. */
    public static String markdown() {
        StringBuilder out = new StringBuilder(BEGIN_MARKER).append("\n");
        List<Section> sections = new ArrayList<>();
        collect(EnvironmentConfig.class, "", "Top level", sections, new LinkedHashSet<>());
        for (Section section : sections) {
            out.append("\n### ").append(section.title()).append("\n\n");
            Optional.ofNullable(section.record().getAnnotation(Doc.class)).ifPresent(doc -> out.append(doc.value()).append("\n\n"));
            if (section.record().getRecordComponents().length == 0) {
                out.append("No settings: write `").append(section.path().substring(section.path().lastIndexOf('.') + 1))
                        .append(": {}`.\n");
                continue;
            }
            out.append("| Field | Type | Allowed | Default | What it does |\n|---|---|---|---|---|\n");
            for (RecordComponent component : section.record().getRecordComponents()) {
                if (!component.isAnnotationPresent(Derived.class)) {
                    out.append(row(section.path(), component)).append("\n");
                }
            }
            if (section.record() == FargateConfig.class) {
                out.append("\n").append(fargateSizes());
            }
        }
        return out.append("\n").append(END_MARKER).append("\n").toString();
    }

    private record Section(String title, String path, Class<?> record) {
    }

    private static void collect(Class<?> record, String path, String title, List<Section> sections, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        sections.add(new Section(title, path, record));
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(Derived.class)) {
                continue;
            }
            Type type = valueType(component);
            Class<?> raw = RecordBinder.raw(type);
            String child = join(path, component.getName());
            if (raw == List.class || raw == Map.class) {
                Class<?> item = RecordBinder.raw(RecordBinder.argument(type, raw == List.class ? 0 : 1));
                if (item.isRecord()) {
                    String itemPath = child + (raw == List.class ? "[]" : ".<name>");
                    collect(item, itemPath, escape(itemPath), sections, seen);
                }
            } else if (raw.isRecord()) {
                collect(raw, child, escape(child), sections, seen);
            } else if (raw.isSealed()) {
                RecordBinder.variants(raw).forEach((variant, variantRecord) ->
                        collect(variantRecord, child + "." + variant, escape(child + "." + variant), sections, seen));
            }
        }
    }

    private static String row(String path, RecordComponent component) {
        Type type = valueType(component);
        String field = "`" + join(path, component.getName()) + "`";
        return "| " + field + " | " + typeWords(type) + " | " + allowed(component, type) + " | " + defaultWords(component)
                + " | " + component.getAnnotation(Doc.class).value() + " |";
    }

    private static String typeWords(Type type) {
        Class<?> raw = RecordBinder.raw(type);
        if (raw == String.class || raw.isEnum()) {
            return "string";
        }
        if (raw == int.class || raw == Integer.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == List.class) {
            Class<?> item = RecordBinder.raw(RecordBinder.argument(type, 0));
            return item == String.class || item.isEnum() ? "list of strings" : "list of maps";
        }
        if (raw == Map.class) {
            return RecordBinder.raw(RecordBinder.argument(type, 1)) == String.class ? "map of name to string" : "map of name to map";
        }
        if (raw.isSealed()) {
            return "map with one key: " + RecordBinder.variants(raw).keySet().stream().map(v -> "`" + v + "`")
                    .collect(Collectors.joining(" or "));
        }
        return "map";
    }

    private static String allowed(RecordComponent component, Type type) {
        List<String> parts = new ArrayList<>();
        Class<?> raw = RecordBinder.raw(type);
        if (raw.isEnum()) {
            parts.add(RecordBinder.enumNames(raw).replaceAll("([^, ]+)", "`$1`"));
        }
        if (raw == List.class && RecordBinder.raw(RecordBinder.argument(type, 0)).isEnum()) {
            parts.add("each one of " + RecordBinder.enumNames(RecordBinder.raw(RecordBinder.argument(type, 0)))
                    .replaceAll("([^, ]+)", "`$1`"));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            parts.add("`true`, `false`");
        }
        Optional.ofNullable(component.getAnnotation(Range.class)).ifPresent(r -> parts.add(r.min() + " to " + r.max()));
        Optional.ofNullable(component.getAnnotation(OneOf.class)).ifPresent(o -> parts.add(o.value().choices().stream()
                .map(String::valueOf).collect(Collectors.joining(", "))));
        Optional.ofNullable(component.getAnnotation(Matches.class)).ifPresent(m -> parts.add((raw == List.class ? "each " : "")
                + m.allowed()));
        Optional.ofNullable(component.getAnnotation(KeysMatch.class)).ifPresent(k -> parts.add("names: " + k.allowed()));
        Optional.ofNullable(component.getAnnotation(NotEmpty.class)).ifPresent(n -> parts.add("at least one"));
        String rules = component.getAnnotation(Doc.class).rules();
        if (!rules.isEmpty()) {
            parts.add(rules);
        }
        if (raw.isRecord() || raw.isSealed() || (raw == List.class || raw == Map.class)
                && RecordBinder.raw(RecordBinder.argument(type, raw == List.class ? 0 : 1)).isRecord()) {
            parts.add("see below");
        }
        return parts.isEmpty() ? "any" : String.join("; ", parts).replace("|", "\\|");
    }

    private static String defaultWords(RecordComponent component) {
        Default annotation = component.getAnnotation(Default.class);
        if (component.isAnnotationPresent(Required.class)) {
            return "required";
        }
        if (annotation == null) {
            String omitted = component.getAnnotation(Doc.class).omitted();
            return omitted.isEmpty() ? "none" : omitted;
        }
        if (!annotation.computed().isEmpty()) {
            return annotation.means().replace("|", "\\|");
        }
        Class<?> raw = RecordBinder.raw(valueType(component));
        String value = raw == Map.class && annotation.value().equals("{}") ? "none" : literalWords(annotation.value());
        return annotation.prod().isEmpty() ? value : value + " (prod: " + literalWords(annotation.prod()) + ")";
    }

    private static String literalWords(String literal) {
        if (literal.equals("{}")) {
            return "all defaults";
        }
        if (literal.equals("[]")) {
            return "none";
        }
        if (literal.startsWith("{") && literal.endsWith(": {}}")) {
            return "`" + literal.substring(1, literal.indexOf(':')) + "` with its defaults";
        }
        return "`" + literal.replace("\"", "") + "`";
    }

    /** Fargate's CPU and memory table, compressed into steps, from {@link FargateSizes}. */
    private static String fargateSizes() {
        StringBuilder out = new StringBuilder("Fargate CPU and memory combinations (MiB), from \"Task CPU and memory\" in the "
                + "Amazon ECS developer guide, the table cfn-lint's E3047 checks:\n\n| `cpu` | `memory` |\n|---|---|\n");
        for (int cpu : FargateSizes.cpuValues()) {
            List<Integer> sizes = FargateSizes.memoryFor(cpu);
            int step = sizes.get(1) - sizes.get(0);
            boolean even = true;
            for (int i = 1; i < sizes.size(); i++) {
                even &= sizes.get(i) - sizes.get(i - 1) == step;
            }
            String memory = even && sizes.size() > 3
                    ? sizes.get(0) + " to " + sizes.get(sizes.size() - 1) + " in steps of " + step
                    : sizes.stream().map(String::valueOf).collect(Collectors.joining(", "));
            out.append("| ").append(cpu).append(" | ").append(memory).append(" |\n");
        }
        return out.toString();
    }

    // ---- shared --------------------------------------------------------------------------------------

    private static Type valueType(RecordComponent component) {
        Type type = component.getGenericType();
        return RecordBinder.raw(type) == Optional.class ? RecordBinder.argument(type, 0) : type;
    }

    /** The field's description with its allowed values and default, for the schema's hover text. */
    private static String description(RecordComponent component) {
        Type type = valueType(component);
        String allowed = allowed(component, type);
        return component.getAnnotation(Doc.class).value() + (allowed.equals("any") || allowed.equals("see below") ? ""
                : " Allowed: " + allowed.replace("; see below", "") + ".") + " Default: " + defaultWords(component) + ".";
    }

    /** Markdown as plain text for editors' hover: no backticks, links reduced to their text. */
    private static String plain(String markdown) {
        return markdown.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("\\|", "|");
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String escape(String heading) {
        return heading.replace("<", "&lt;").replace(">", "&gt;");
    }
}
