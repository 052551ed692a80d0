package dev.ecsplatform.compliance;

import dev.ecsplatform.config.EnvironmentConfig;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;

/**
 * The rule packs every environment stage is checked against at synth. They are added inside the
 * stage because CDK Pipelines synthesizes a stage as soon as it is added to the pipeline; a pack
 * added to the app afterwards would never see it.
 */
public final class RulePacks {

    /** The AWS Solutions pack, on every stage. */
    public static final String AWS_SOLUTIONS = "AwsSolutions";

    private RulePacks() {
    }

    /** Registers the packs that apply to {@code environment} on {@code stage}. */
    public static void register(Stage stage, EnvironmentConfig environment) {
        Validations.of(stage).addPlugins(new StageScopedChecks(stage, AWS_SOLUTIONS, AwsSolutionsChecks::new));
    }
}
