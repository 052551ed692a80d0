package dev.ecsplatform.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the binder saw of each field, by dotted path ({@code services.web.traffic.alb.priority}): where it is
 * written (or, when left out, where it belongs), whether the files wrote it, and whether binding already
 * reported a problem with it. {@link EnvironmentRules} reports through this, so its messages carry the same
 * {@code file:line:col path} as the binder's, and it skips a rule whose inputs are already known to be wrong.
 */
final class BoundFields {

    private record Field(Location location, boolean written) {
    }

    /** Paths written with exactly their constant default, as print-config writes every default out. */
    private final Set<String> writtenAsDefault = new HashSet<>();

    private final Map<String, Field> fields = new HashMap<>();
    private final Set<String> invalid = new HashSet<>();
    private final List<ConfigProblem> problems;

    BoundFields(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    void record(String path, Location location, boolean written) {
        fields.putIfAbsent(path, new Field(location, written));
    }

    void invalid(String path) {
        invalid.add(path);
    }

    void writtenAsDefault(String path) {
        writtenAsDefault.add(path);
    }

    /**
     * Whether the files write a value at {@code path} other than its constant default. A rule that forbids a
     * key in some context (an ALB setting on a network load balancer) asks this, so that the output of
     * print-config, which writes every default, loads back.
     */
    boolean writtenOtherThanDefault(String path) {
        return written(path) && !writtenAsDefault.contains(path);
    }

    /** Whether the merged files write a value at {@code path}. */
    boolean written(String path) {
        Field field = fields.get(path);
        return field != null && field.written();
    }

    /** Where the value at {@code path} is written, or the key of the map it belongs in when it is left out. */
    Location location(String path) {
        Field field = fields.get(path);
        if (field == null) {
            throw new IllegalStateException("no field " + path + " was bound");
        }
        return field.location();
    }

    /** Whether binding reported no problem at {@code path} or below it. */
    boolean valid(String path) {
        return invalid.stream().noneMatch(p -> p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "["));
    }

    /** Records a problem with the value at {@code path}. */
    void problem(String path, String message) {
        problems.add(new ConfigProblem(location(path), path, message));
        invalid.add(path);
    }
}
