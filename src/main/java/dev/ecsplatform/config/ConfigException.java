package dev.ecsplatform.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown once, after every environment file has been read, when any of them has problems.
 * The message lists every problem, one per line, sorted by file and position.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems.stream().sorted().toList());
    }

    /** The problems, sorted by file, line and column. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        String lines = problems.stream().sorted().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
        int count = problems.size();
        return count + (count == 1 ? " problem" : " problems") + " in the environment files:\n" + lines;
    }
}
