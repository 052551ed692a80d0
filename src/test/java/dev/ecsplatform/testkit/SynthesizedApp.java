package dev.ecsplatform.testkit;

import dev.ecsplatform.App;
import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.stage.EnvironmentStage;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The team's own environments ({@code environments/}), built once per JVM. Only the golden and compliance
 * tiers use them: the team edits these files, and a construct test that depended on them would break with
 * every edit. Construct tests use {@link Fixtures}.
 */
public final class SynthesizedApp {

    /** The project root: Maven runs tests from there. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private static final class Holder {
        private static final BuiltApp INSTANCE = new BuiltApp(
                EnvironmentLoader.loadAll(PROJECT.resolve(App.ENVIRONMENTS)), Map.of());
    }

    private SynthesizedApp() {
    }

    /** The shared app. */
    public static software.amazon.awscdk.App app() {
        return Holder.INSTANCE.app();
    }

    /** Every shipped environment's stage, by name. */
    public static Map<String, EnvironmentStage> stages() {
        return Holder.INSTANCE.stages();
    }

    /** The synthesized template of {@code stack}, cached. */
    public static Template template(Stack stack) {
        return Holder.INSTANCE.template(stack);
    }
}
