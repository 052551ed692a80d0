package dev.ecsplatform.testkit;

import dev.ecsplatform.App;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.stage.EnvironmentStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * One CDK app with a stage per environment, built with the project's feature flags and context, with
 * templates cached per stack. Building an app under jsii costs about a second, so each set of
 * environments is built once per JVM ({@link SynthesizedApp}, {@link Fixtures}).
 */
public final class BuiltApp {

    private final software.amazon.awscdk.App app;
    private final Map<String, EnvironmentStage> stages = new LinkedHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    /**
     * Builds {@code environments} into a new app.
     *
     * @param extraContext context set before any stage exists, e.g. availability zones of accounts the
     *                     project's {@code cdk.context.json} does not know
     */
    public BuiltApp(List<EnvironmentConfig> environments, Map<String, Object> extraContext) {
        this.app = newApp();
        extraContext.forEach((key, value) -> app.getNode().setContext(key, value));
        environments.forEach(environment -> stages.put(environment.name(), new EnvironmentStage(app, environment)));
    }

    /** A new app with the same feature flags and context as the CLI, writing to a temporary directory. */
    public static software.amazon.awscdk.App newApp() {
        try {
            return App.newApp(SynthesizedApp.PROJECT, Files.createTempDirectory("cdk.out-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app. */
    public software.amazon.awscdk.App app() {
        return app;
    }

    /** Every stage, by environment name. */
    public Map<String, EnvironmentStage> stages() {
        return Collections.unmodifiableMap(stages);
    }

    /** The stage of environment {@code name}. */
    public EnvironmentStage stage(String name) {
        EnvironmentStage stage = stages.get(name);
        if (stage == null) {
            throw new IllegalArgumentException("no environment " + name + "; have " + stages.keySet());
        }
        return stage;
    }

    /** The synthesized template of {@code stack}, cached. */
    public Template template(Stack stack) {
        return templates.computeIfAbsent(stack.getNode().getPath(), path -> Template.fromStack(stack));
    }
}
