package dev.ecsplatform.config;

import dev.ecsplatform.config.ConfigNode.Entry;
import dev.ecsplatform.config.ConfigNode.MapNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds a merged YAML tree to the annotated config records, by reflection: the record components are the
 * keys, their types the YAML types, and {@link Required}, {@link Default}, {@link Range}, {@link OneOf},
 * {@link Matches} and {@link NotEmpty} what is checked and filled in. A sealed interface is a tagged
 * variant: a map with exactly one key, the {@link VariantName} of one of its records.
 *
 * <p>Every problem goes to the shared list and binding goes on with the default (or a neutral value), so
 * that all problems of all files are reported together; the loader throws once at the end, so such a
 * value never reaches a construct. What is bound is recorded in {@link BoundFields} for the rules that
 * span fields ({@link EnvironmentRules}).
 */
final class RecordBinder {

    private final List<ConfigProblem> problems;
    private final BoundFields fields;

    RecordBinder(List<ConfigProblem> problems, BoundFields fields) {
        this.problems = problems;
        this.fields = fields;
    }

    <R extends Record> R bind(Class<R> type, FieldReader reader, DefaultContext context) {
        return bind(type, reader, context, "allowed keys here");
    }

    private <R extends Record> R bind(Class<R> type, FieldReader reader, DefaultContext context, String allowedLabel) {
        fields.record(reader.path(), reader.location(), true);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            values[i] = component.isAnnotationPresent(Derived.class)
                    ? context.sibling(component.getName(), Object.class)
                    : field(component, reader, context);
            context.bound(component.getName(), values[i]);
        }
        reader.rejectUnknownKeys(allowedLabel);
        try {
            var constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName() + " at " + reader.path(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private Object field(RecordComponent component, FieldReader reader, DefaultContext context) {
        String key = component.getName();
        String path = reader.pathOf(key);
        boolean written = reader.has(key);
        fields.record(path, reader.locationOf(key), written);
        Type type = component.getGenericType();
        boolean optional = raw(type) == Optional.class;
        Type valueType = optional ? argument(type, 0) : type;
        if (!written && raw(valueType) == String.class) {
            // has() reads a written-out null (cidr: null) as left out; optionalString reports it where a string belongs.
            int before = problems.size();
            reader.optionalString(key);
            if (problems.size() > before) {
                fields.invalid(path);
                return optional ? Optional.empty() : neutral(valueType);
            }
        }
        if (!written) {
            if (optional) {
                return Optional.empty();
            }
            if (component.isAnnotationPresent(Default.class)) {
                return defaultValue(component, valueType, reader, context);
            }
            Required required = component.getAnnotation(Required.class);
            if (required == null) {
                throw new IllegalStateException(component + " is neither Optional nor @Default nor @Required");
            }
            reader.missing(key, raw(valueType).isEnum()
                    ? "is required; use one of " + enumNames(raw(valueType))
                    : "is required; set it to " + required.value() + definedKeys(required, context));
            fields.invalid(path);
            return neutral(valueType);
        }
        int before = problems.size();
        Object value = value(component, valueType, reader, key, context);
        if (problems.size() > before) {
            fields.invalid(path);
        }
        if (value == null && !optional) {
            value = component.isAnnotationPresent(Default.class) ? defaultValue(component, valueType, reader, context) : neutral(valueType);
        } else if (value != null && isConstantScalarDefault(component, valueType)
                && value.equals(defaultValue(component, valueType, reader, context))) {
            fields.writtenAsDefault(path);
        }
        return optional ? Optional.ofNullable(value) : value;
    }

    /** The value written at {@code key}, checked against the component's annotations; null after a problem. */
    private Object value(RecordComponent component, Type type, FieldReader reader, String key, DefaultContext context) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            Optional<String> text = reader.optionalString(key);
            if (text.isPresent() && text.get().isEmpty() && component.isAnnotationPresent(Required.class)) {
                reader.problem(key, "must not be empty; set it to " + component.getAnnotation(Required.class).value());
                return null;
            }
            text.ifPresent(value -> matches(component, reader, key, value));
            return text.orElse(null);
        }
        if (raw == int.class || raw == Integer.class) {
            return integer(component, reader, key);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            int before = problems.size();
            boolean value = reader.bool(key, false);
            return problems.size() > before ? null : value;
        }
        if (raw.isEnum()) {
            return reader.choice(key, enumType(raw), null);
        }
        if (raw == List.class) {
            return list(component, argument(type, 0), reader, key, context);
        }
        if (raw == Map.class) {
            Class<?> valueClass = raw(argument(type, 1));
            KeysMatch keys = component.getAnnotation(KeysMatch.class);
            if (valueClass == String.class) {
                int before = problems.size();
                Map<String, String> values = reader.stringMap(key);
                String path = reader.pathOf(key);
                if (problems.subList(before, problems.size()).stream().noneMatch(p -> p.path().equals(path))) {
                    // A map (no type problem at the key itself): record where each entry's value is written.
                    FieldReader entries = reader.map(key);
                    values.keySet().forEach(name -> {
                        fields.record(entries.pathOf(name), entries.locationOf(name), true);
                        checkKey(keys, entries.pathOf(name), entries.locationOf(name), name);
                    });
                }
                return values;
            }
            Map<String, Object> entries = new LinkedHashMap<>();
            Doc entryDoc = valueClass.getAnnotation(Doc.class);
            String expected = entryDoc == null || entryDoc.example().isEmpty() ? "a map of settings" : "a map such as " + entryDoc.example();
            reader.namedMaps(key, expected).forEach((name, entry) -> {
                checkKey(keys, entry.path(), entry.location(), name);
                entries.put(name, bind(recordType(valueClass), entry, context.child(name)));
            });
            return entries;
        }
        if (raw.isRecord()) {
            return bind(recordType(raw), reader.map(key), context.child(null));
        }
        if (raw.isSealed()) {
            return variant(raw, key, reader, context);
        }
        throw new IllegalStateException("no binding for " + type + " of " + component);
    }

    private Integer integer(RecordComponent component, FieldReader reader, String key) {
        OneOf oneOf = component.getAnnotation(OneOf.class);
        Range range = component.getAnnotation(Range.class);
        if (oneOf == null && range == null) {
            throw new IllegalStateException(component + " is an integer without @Range or @OneOf");
        }
        List<Integer> choices = oneOf == null ? List.of() : oneOf.value().choices();
        int min = oneOf == null ? range.min() : choices.get(0);
        int max = oneOf == null ? range.max() : choices.get(choices.size() - 1);
        Optional<Integer> value;
        if (oneOf != null) {
            // Any integer is read first, so that one outside the choices' range (cpu: 100) is answered with the
            // choices, like one inside it; only a value that is no integer at all is reported with the range.
            int before = problems.size();
            value = reader.optionalInteger(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (problems.size() > before) {
                problems.subList(before, problems.size()).clear();
                value = reader.optionalInteger(key, min, max);
            }
        } else {
            value = reader.optionalInteger(key, min, max);
        }
        if (value.isPresent() && oneOf != null && !choices.contains(value.get())) {
            reader.problem(key, value.get() + " " + oneOf.value().problem() + "; use one of "
                    + choices.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            return null;
        }
        return value.orElse(null);
    }

    private Object list(RecordComponent component, Type itemType, FieldReader reader, String key, DefaultContext context) {
        Class<?> item = raw(itemType);
        NotEmpty notEmpty = component.getAnnotation(NotEmpty.class);
        if (item == String.class) {
            int before = problems.size();
            List<String> values = reader.strings(key, null);
            if (values == null) {
                return null;
            }
            if (values.isEmpty() && notEmpty != null && problems.size() == before) {
                reader.problem(key, "must not be empty; " + notEmpty.value());
            }
            values.forEach(value -> matches(component, reader, key, value));
            return values;
        }
        if (item.isEnum()) {
            int before = problems.size();
            List<?> values = reader.choices(key, enumType(item), null);
            if (values != null && values.isEmpty() && notEmpty != null && problems.size() == before) {
                reader.problem(key, "must not be empty; " + notEmpty.value());
            }
            return values;
        }
        int before = problems.size();
        Optional<List<FieldReader>> readers = reader.listOfMaps(key);
        if (readers.isEmpty()) {
            return null;
        }
        // listOfMaps leaves out an item that is no map (and reports it): the list is then shorter than written, and
        // the rules, which name items by their index, would point at the wrong item, or at one that was never bound.
        boolean itemLeftOut = problems.size() > before;
        if (readers.get().isEmpty() && notEmpty != null && !itemLeftOut) {
            reader.problem(key, "must not be empty; " + notEmpty.value());
        }
        List<Object> items = readers.get().stream().map(entry -> (Object) bind(recordType(item), entry, context.child(null))).toList();
        return itemLeftOut ? null : items;
    }

    private void checkKey(KeysMatch keys, String path, Location location, String name) {
        if (keys != null && !name.matches(keys.regex())) {
            problems.add(new ConfigProblem(location, path, "'" + name + "' " + keys.problem() + "; use " + keys.allowed()));
            fields.invalid(path);
        }
    }

    private void matches(RecordComponent component, FieldReader reader, String key, String value) {
        Matches matches = component.getAnnotation(Matches.class);
        if (matches != null && !value.matches(matches.regex())) {
            reader.problem(key, "'" + value + "' " + matches.problem() + "; use " + matches.allowed());
        }
    }

    /**
     * A tagged variant: the map under {@code key} names exactly one of the sealed type's variants, whose
     * settings are the map under that name ({@code deployment: { rolling: { maxPercent: 150 } }}).
     */
    private Object variant(Class<?> sealed, String key, FieldReader parent, DefaultContext context) {
        Map<String, Class<?>> variants = variants(sealed);
        String choices = String.join(", ", variants.keySet());
        String example = key + ": { " + variants.keySet().iterator().next() + ": {} }";
        int beforeMap = problems.size();
        FieldReader reader = parent.map(key);
        if (problems.size() > beforeMap) {
            // Not a map (deployment: rolling): one problem, which says how to write it, not a second "names no kind".
            ConfigProblem notAMap = problems.remove(problems.size() - 1);
            problems.add(new ConfigProblem(notAMap.location(), notAMap.path(), notAMap.message() + "; write one of "
                    + choices + ", as a map of its settings, e.g. " + example));
            return null;
        }
        variants.keySet().forEach(reader::allow);
        List<String> chosen = new ArrayList<>();
        for (String written : reader.writtenKeys()) {
            if (variants.containsKey(written)) {
                chosen.add(written);
            } else {
                String suggestion = FieldReader.closest(written, variants.keySet()).map(k -> "did you mean '" + k + "'? ").orElse("");
                // At the key, like any unknown key: the name is what is wrong. map() only serves to find the key; what
                // it says about a value that is no map (strategy: rolling) is beside the point and dropped.
                int before = problems.size();
                Location keyAt = reader.map(written).location();
                problems.subList(before, problems.size()).clear();
                problems.add(new ConfigProblem(keyAt, reader.pathOf(written), "'" + written + "' is not a kind of " + key + "; "
                        + suggestion + "write one of " + choices + ", as a map of its settings, e.g. " + example));
            }
        }
        if (chosen.isEmpty()) {
            if (reader.writtenKeys().isEmpty()) {
                parent.problem(key, "names no kind of " + key + "; write one of " + choices + ", e.g. " + example
                        + ", or leave " + key + " out for the default");
            }
            return null;
        }
        if (chosen.size() > 1) {
            String first = chosen.get(0);
            String second = chosen.get(1);
            Location firstAt = reader.locationOf(first);
            Location secondAt = reader.locationOf(second);
            reader.problem(second, "'" + first + "' and '" + second + "' are both set; a service has one " + key
                    + ", so choose one of " + choices + (firstAt.file().equals(secondAt.file()) ? ""
                    : " (" + first + " comes from " + firstAt.file() + " and maps merge: set " + key
                    + " in each environment file instead)"));
            return null;
        }
        String name = chosen.get(0);
        return bind(recordType(variants.get(name)), reader.map(name), context.child(null), "keys of " + key + " " + name);
    }

    /** The variants a sealed config interface permits, by YAML name, in declaration order. */
    static Map<String, Class<?>> variants(Class<?> sealed) {
        Map<String, Class<?>> variants = new LinkedHashMap<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            VariantName name = permitted.getAnnotation(VariantName.class);
            if (name == null || !permitted.isRecord()) {
                throw new IllegalStateException(permitted + " must be a record annotated @VariantName");
            }
            variants.put(name.value(), permitted);
        }
        return variants;
    }

    private Object defaultValue(RecordComponent component, Type type, FieldReader reader, DefaultContext context) {
        Default annotation = component.getAnnotation(Default.class);
        if (!annotation.computed().isEmpty()) {
            return computed(component, annotation.computed(), context);
        }
        String literal = !annotation.prod().isEmpty() && context.tier().isProduction() ? annotation.prod() : annotation.value();
        String key = component.getName();
        Location at = reader.locationOf(key);
        MapNode holder = new MapNode(at, Map.of(key, new Entry(at, YamlFiles.literal(literal, at))));
        FieldReader synthetic = new FieldReader(holder, reader.location(), reader.path(), problems);
        Object value = value(component, type, synthetic, key, context);
        if (value == null) {
            throw new IllegalStateException("the default '" + literal + "' of " + component + " is not valid");
        }
        return value;
    }

    /** A literal default of a scalar or a list of strings: cheap to bind again, and free of nested fields. */
    private static boolean isConstantScalarDefault(RecordComponent component, Type type) {
        Default annotation = component.getAnnotation(Default.class);
        Class<?> raw = raw(type);
        return annotation != null && annotation.computed().isEmpty() && (raw == String.class || raw == int.class
                || raw == boolean.class || raw.isEnum() || raw == List.class && raw(argument(type, 0)) == String.class);
    }

    private static Object computed(RecordComponent component, String methodName, DefaultContext context) {
        Method method = defaultMethod(component.getDeclaringRecord(), methodName);
        try {
            return method.invoke(null, context);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the default of " + component + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    /** The static {@code (DefaultContext)} method a computed {@link Default} names. */
    static Method defaultMethod(Class<?> record, String name) {
        try {
            Method method = record.getDeclaredMethod(name, DefaultContext.class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record.getSimpleName() + " has no static " + name + "(DefaultContext)", e);
        }
    }

    /** The keys a {@link Required#keysOf()} field may name, as the end of its "is required" message. */
    private static String definedKeys(Required required, DefaultContext context) {
        if (required.keysOf().isEmpty()) {
            return "";
        }
        String words = required.keysOf().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        Object keys = context.root(required.keysOf());
        return keys instanceof Map<?, ?> map && !map.isEmpty()
                ? "; defined " + words + ": " + map.keySet().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                : " (none defined yet: add one under " + required.keysOf() + ")";
    }

    /** A stand-in after a problem; the loader throws before any construct sees it. */
    private static Object neutral(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return "";
        }
        if (raw == int.class || raw == Integer.class) {
            return 0;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return false;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class) {
            return List.of();
        }
        if (raw == Map.class) {
            return Map.of();
        }
        if (raw.isRecord()) {
            // A required map left out (stepScaling without its metric): a stand-in of neutral fields.
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = Arrays.stream(components).map(c -> c.getType() == Optional.class ? Optional.empty()
                    : neutral(c.getGenericType())).toArray();
            try {
                return raw.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
                        .newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no neutral value for " + type, e);
            }
        }
        throw new IllegalStateException("no neutral value for " + type);
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> Class<R> recordType(Class<?> type) {
        return (Class<R>) type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class enumType(Class<?> type) {
        return type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static String enumNames(Class<?> type) {
        return FieldReader.allowedNames((Class) type);
    }
}
