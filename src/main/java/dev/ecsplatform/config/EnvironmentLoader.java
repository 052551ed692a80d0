package dev.ecsplatform.config;

import dev.ecsplatform.config.ConfigNode.MapNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads the environment files: {@code environments/base.yaml} (what all environments share)
 * deep-merged under each {@code environments/<name>.yaml}, bound and validated into
 * {@link EnvironmentConfig} records.
 *
 * <p>All files are read and every problem of every file is collected before anything is thrown,
 * so one run shows everything to fix.
 */
public final class EnvironmentLoader {

    /** The shared file; every other {@code .yaml} file in the directory is an environment. */
    public static final String BASE_FILE = "base.yaml";

    private EnvironmentLoader() {
    }

    /**
     * Loads every environment in {@code directory}, sorted by name.
     *
     * @throws ConfigException listing every problem in every file
     */
    public static List<EnvironmentConfig> loadAll(Path directory) {
        List<String> names = environmentNames(directory);
        List<ConfigProblem> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(new ConfigProblem(Location.startOf(directory.toString()), "",
                    "no environment files found; add one such as " + directory.resolve("dev.yaml")));
            throw new ConfigException(problems);
        }
        misnamedFiles(directory).forEach(file -> problems.add(new ConfigProblem(Location.startOf(file.toString()), "",
                "environment files end in .yaml; this file is ignored until it is renamed to "
                        + file.getFileName().toString().replaceFirst("\\.yml$", ".yaml"))));
        Optional<MapNode> base = readBase(directory, problems);
        List<EnvironmentConfig> environments = new ArrayList<>();
        for (String name : names) {
            load(directory, name, base, problems).ifPresent(environments::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(environments);
    }

    /**
     * Loads one environment.
     *
     * @throws ConfigException listing every problem of that environment and the base file
     */
    public static EnvironmentConfig load(Path directory, String name) {
        List<ConfigProblem> problems = new ArrayList<>();
        // environmentNames, not a file check: base.yaml exists but is not an environment.
        if (!environmentNames(directory).contains(name)) {
            problems.add(new ConfigProblem(Location.startOf(directory.resolve(name + ".yaml").toString()), "",
                    "no such environment; environments here: " + String.join(", ", environmentNames(directory))));
            throw new ConfigException(problems);
        }
        Optional<EnvironmentConfig> environment = load(directory, name, readBase(directory, problems), problems);
        if (!problems.isEmpty() || environment.isEmpty()) {
            throw new ConfigException(problems);
        }
        return environment.get();
    }

    /** The environment names in {@code directory}: its {@code .yaml} files other than the base file. */
    public static List<String> environmentNames(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals(BASE_FILE))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code .yml} files would otherwise be skipped in silence, and an environment never deployed. */
    private static List<Path> misnamedFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<MapNode> readBase(Path directory, List<ConfigProblem> problems) {
        Path baseFile = directory.resolve(BASE_FILE);
        if (!Files.isRegularFile(baseFile)) {
            return Optional.of(new MapNode(Location.startOf(baseFile.toString()), java.util.Map.of()));
        }
        return YamlFiles.read(baseFile, baseFile.toString(), problems);
    }

    private static Optional<EnvironmentConfig> load(Path directory, String name, Optional<MapNode> base, List<ConfigProblem> problems) {
        Path file = directory.resolve(name + ".yaml");
        Optional<MapNode> own = YamlFiles.read(file, file.toString(), problems);
        if (own.isEmpty() || base.isEmpty()) {
            return Optional.empty();
        }
        MapNode merged = ConfigMerge.merge(base.get(), own.get());
        int before = problems.size();
        // Base-file problems are the same for every environment: report each once.
        List<ConfigProblem> local = new ArrayList<>();
        FieldReader root = new FieldReader(merged, "", local);
        BoundFields fields = new BoundFields(local);
        EnvironmentConfig config = new RecordBinder(local, fields)
                .bind(EnvironmentConfig.class, root, DefaultContext.root(java.util.Map.of("name", name)));
        new EnvironmentRules(fields, local).check(config, root.location());
        local.stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        return problems.size() == before ? Optional.of(config) : Optional.empty();
    }
}
