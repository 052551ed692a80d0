package dev.ecsplatform.compliance;

import dev.ecsplatform.config.EnvironmentConfig;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * The cdk-nag rule packs each environment stage is checked against at synth. They are added inside
 * the stage because CDK Pipelines synthesizes a stage as soon as it is added to the pipeline; a pack
 * added to the app afterwards would never see it.
 */
public final class RulePacks {

    /** The AWS Solutions pack, on every stage. */
    public static final String AWS_SOLUTIONS = "AwsSolutions";

    /**
     * The NIST 800-53 rev. 5 pack, on production stages only: prod is the environment that holds
     * customer data and is audited; dev and test would only collect acknowledgments for controls
     * (KMS-encrypted logs, deletion protection) they deliberately do without.
     */
    public static final String NIST_800_53_R5 = "NIST.800.53.R5";

    private RulePacks() {
    }

    /** The packs that apply to {@code environment}, by name; each supplier makes a fresh pack. */
    public static Map<String, Supplier<NagPack>> packsFor(EnvironmentConfig environment) {
        Map<String, Supplier<NagPack>> packs = new LinkedHashMap<>();
        packs.put(AWS_SOLUTIONS, AwsSolutionsChecks::new);
        if (environment.tier().isProduction()) {
            packs.put(NIST_800_53_R5, NIST80053R5Checks::new);
        }
        return packs;
    }

    /**
     * Context key under which a stage lists the names of the packs it runs, so that
     * {@link Acknowledgments} records acknowledgments only for packs that check the construct.
     */
    static final String ACTIVE_PACKS_CONTEXT = "ecsplatform:rule-packs";

    /**
     * Registers the packs that apply to {@code environment} on {@code stage}, each scoped to that stage.
     * Call it before the stage has children: it sets context they read.
     */
    public static void register(Stage stage, EnvironmentConfig environment) {
        Map<String, Supplier<NagPack>> packs = packsFor(environment);
        stage.getNode().setContext(ACTIVE_PACKS_CONTEXT, List.copyOf(packs.keySet()));
        packs.forEach((name, pack) -> Validations.of(stage).addPlugins(new StageScopedChecks(stage, name, pack)));
    }

    /** Whether the pack named {@code packName} checks {@code scope}; true outside a registered stage. */
    static boolean checks(IConstruct scope, String packName) {
        Object active = scope.getNode().tryGetContext(ACTIVE_PACKS_CONTEXT);
        return !(active instanceof List<?> names) || names.contains(packName);
    }
}
