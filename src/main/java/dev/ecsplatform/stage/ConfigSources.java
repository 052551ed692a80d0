package dev.ecsplatform.stage;

import dev.ecsplatform.App;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.EnvironmentLoader;
import java.util.Optional;
import software.constructs.IConstruct;
import software.constructs.MetadataOptions;

/**
 * Records which part of the environment files each part of a stack is made from, so that a gate finding
 * on a resource names the config field and the files to change, not only a construct path.
 *
 * <p>The record is construct metadata of type {@link #METADATA_TYPE}, which the cloud assembly writes to
 * each stack's {@code *.metadata.json} under the construct's path: the cfn-guard and cfn-lint gates look
 * up a finding's construct path and its ancestors there, and a synth stopped by cdk-nag reads it from the
 * construct tree ({@link #of}).
 */
public final class ConfigSources {

    /** The metadata type the gates look for. */
    public static final String METADATA_TYPE = "ecsplatform:config";

    private ConfigSources() {
    }

    /** Marks {@code construct} (and everything under it) as made from {@code configPath} of {@code environment}. */
    static void record(IConstruct construct, EnvironmentConfig environment, String configPath) {
        construct.getNode().addMetadata(METADATA_TYPE, describe(environment, configPath),
                MetadataOptions.builder().stackTrace(false).build());
    }

    /** {@code services.web in environments/dev.yaml (or environments/base.yaml, which it is merged over)}. */
    static String describe(EnvironmentConfig environment, String configPath) {
        return (configPath.isEmpty() ? "the top level" : configPath) + " in " + App.ENVIRONMENTS.resolve(environment.name() + ".yaml")
                + " (or " + App.ENVIRONMENTS.resolve(EnvironmentLoader.BASE_FILE) + ", which it is merged over)";
    }

    /** The config source recorded on {@code construct} or its nearest ancestor. */
    public static Optional<String> of(IConstruct construct) {
        for (IConstruct scope = construct; scope != null; scope = scope.getNode().getScope()) {
            Optional<String> recorded = scope.getNode().getMetadata().stream()
                    .filter(entry -> METADATA_TYPE.equals(entry.getType()))
                    .map(entry -> String.valueOf(entry.getData()))
                    .findFirst();
            if (recorded.isPresent()) {
                return recorded;
            }
        }
        return Optional.empty();
    }
}
