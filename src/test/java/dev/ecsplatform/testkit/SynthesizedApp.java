package dev.ecsplatform.testkit;

import dev.ecsplatform.App;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.stage.EnvironmentStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The shipped environments, built once per JVM into one app with the project's feature flags, and
 * shared by every test class. Building an app under jsii costs about a second; templates are cached
 * per stack.
 */
public final class SynthesizedApp {

    /** The project root: Maven runs tests from there. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private static final class Holder {
        private static final SynthesizedApp INSTANCE = new SynthesizedApp(
                EnvironmentLoader.loadAll(PROJECT.resolve(App.ENVIRONMENTS)));
    }

    private final software.amazon.awscdk.App app;
    private final Map<String, EnvironmentStage> stages = new LinkedHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    private SynthesizedApp(List<EnvironmentConfig> environments) {
        this.app = newApp();
        environments.forEach(environment -> stages.put(environment.name(), new EnvironmentStage(app, environment)));
    }

    /** A new app with the same feature flags and context as the CLI, writing to a temporary directory. */
    public static software.amazon.awscdk.App newApp() {
        try {
            return App.newApp(PROJECT, Files.createTempDirectory("cdk.out-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared app. */
    public static software.amazon.awscdk.App app() {
        return Holder.INSTANCE.app;
    }

    /** Every shipped environment's stage, by name. */
    public static Map<String, EnvironmentStage> stages() {
        return Holder.INSTANCE.stages;
    }

    /** The stage of shipped environment {@code name}. */
    public static EnvironmentStage stage(String name) {
        EnvironmentStage stage = Holder.INSTANCE.stages.get(name);
        if (stage == null) {
            throw new IllegalArgumentException("no shipped environment " + name + "; have " + stages().keySet());
        }
        return stage;
    }

    /** The synthesized template of {@code stack}, cached. */
    public static Template template(Stack stack) {
        return Holder.INSTANCE.templates.computeIfAbsent(stack.getNode().getPath(), path -> Template.fromStack(stack));
    }

    /** The platform stack's template of environment {@code name}. */
    public static Template platform(String name) {
        return template(stage(name).platform());
    }

    /** The template of service {@code service} in environment {@code name}. */
    public static Template service(String name, String service) {
        return template(stage(name).services().get(service));
    }
}
