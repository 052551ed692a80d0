package dev.ecsplatform.config;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders an environment's effective configuration (base merged, defaults applied) as YAML in the
 * shape of the environment files, so it can be read, diffed or copied back into a file. The
 * output has no YAML anchors or aliases: a value that appears twice is written twice.
 */
public final class EffectiveConfig {

    private EffectiveConfig() {
    }

    /** The effective configuration as YAML. */
    public static String toYaml(EnvironmentConfig environment) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        // The records share immutable values (every service without a capacity list holds the same
        // default list); SnakeYAML would write the second one as an alias (&id001 / *id001), which is
        // valid YAML but unreadable, not the shape of an environment file, and aliases are what the
        // loader caps (YamlFiles). Each occurrence is written out instead.
        options.setDereferenceAliases(true);
        StringBuilder notes = new StringBuilder();
        environment.loadBalancers().keySet().stream().sorted()
                .filter(name -> !environment.loadBalancers().get(name).https())
                .forEach(name -> notes.append("# loadBalancers.").append(name)
                        .append(" serves plain HTTP: it has no certificates (allowed outside prod)\n"));
        return "# effective configuration of environment '" + environment.name() + "'\n" + notes
                + new Yaml(options).dump(toTree(environment));
    }

    /**
     * The record as nested maps and lists, keyed by YAML field names, a variant under its name; derived
     * fields are left out.
     */
    static Object toTree(Object value) {
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            // With an existing VPC the keys that shape a created one are unused, and rejected when written.
            java.util.Set<String> unprinted = record instanceof NetworkConfig network ? network.unprintedKeys() : java.util.Set.of();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.isAnnotationPresent(Derived.class) || unprinted.contains(component.getName())) {
                    continue;
                }
                Object fieldValue = read(component, record);
                if (fieldValue instanceof Optional<?> optional) {
                    optional.ifPresent(v -> fields.put(component.getName(), toTree(v)));
                } else {
                    fields.put(component.getName(), toTree(fieldValue));
                }
            }
            // A variant is written under its name: deployment: { rolling: {...} }.
            VariantName variant = record.getClass().getAnnotation(VariantName.class);
            return variant == null ? fields : Map.of(variant.value(), fields);
        }
        if (value instanceof YamlEnum yamlEnum) {
            return yamlEnum.yamlName();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), toTree(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EffectiveConfig::toTree).toList();
        }
        return value;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
