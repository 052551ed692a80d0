package dev.ecsplatform.config;

/**
 * One thing wrong with an environment file: where, which field, and what to change.
 *
 * @param location where the offending value starts, or the key of the map that lacks a required key
 * @param path     the dotted path of the field, e.g. {@code services.web.memory}; empty for the file itself
 * @param message  what is wrong and what is allowed
 */
public record ConfigProblem(Location location, String path, String message) implements Comparable<ConfigProblem> {

    @Override
    public int compareTo(ConfigProblem other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : path.compareTo(other.path);
    }

    /** One line, in the form {@code environments/prod.yaml:14:7 services.web.memory: message}. */
    @Override
    public String toString() {
        return location + " " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
