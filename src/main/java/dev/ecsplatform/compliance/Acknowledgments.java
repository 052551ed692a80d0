package dev.ecsplatform.compliance;

import java.util.Map;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;
import software.constructs.MetadataOptions;

/**
 * Acknowledges a rule finding on one construct (and its children), with the reason that names the
 * compensating control. The reviewed list of every acknowledgment is
 * {@code src/test/resources/compliance/acknowledgments.txt}; a test fails when it and the code disagree.
 */
public final class Acknowledgments {

    /** Shorter reasons cannot name a compensating control; checklist item 2 asks for at least 20 characters. */
    static final int MIN_REASON_LENGTH = 20;

    /**
     * How the reason of an acknowledgment written in an environment file starts. Such an acknowledgment is
     * reviewed where it is written (the YAML change), so the reviewed list of code acknowledgments leaves it out.
     */
    public static final String FROM_CONFIG = "as the config says at ";

    private Acknowledgments() {
    }

    /**
     * Acknowledges {@code ruleId} on {@code scope} with a reason the environment file gives at {@code configPath}
     * (for example {@code services.orders.taskRole.statements[0]}), which the config loader has checked.
     */
    public static void acknowledgeFromConfig(IConstruct scope, String ruleId, String configPath, String reason) {
        acknowledge(scope, ruleId, FROM_CONFIG + configPath + ": " + reason);
    }

    /**
     * Acknowledges {@code ruleId} (e.g. {@code AwsSolutions-S1}, {@code AwsSolutions-IAM5[Resource::*]} or
     * {@code CloudFormation-Validate::W3010}) on {@code scope}. A cdk-nag rule whose pack does not check
     * the scope's stage (NIST outside prod) is not recorded, so the reviewed list holds only
     * acknowledgments that silence something.
     */
    public static void acknowledge(IConstruct scope, String ruleId, String reason) {
        if (reason.length() < MIN_REASON_LENGTH) {
            throw new IllegalArgumentException("the reason for " + ruleId + " must name the compensating control");
        }
        boolean nagRule = !ruleId.contains("::") || ruleId.indexOf('[') >= 0 && ruleId.indexOf('[') < ruleId.indexOf("::");
        if (nagRule && !RulePacks.checks(scope, ruleId.substring(0, ruleId.indexOf('-')))) {
            return;
        }
        // Written as metadata directly rather than through Validations.acknowledge(), which rejects IDs
        // with more than one "::" (e.g. findings on ARNs with <AWS::Partition>; cdk-nag #2351, #2359).
        // The entry has exactly the shape acknowledge() writes, and cdk-nag reads both the same way.
        scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
                Map.of(ruleId.contains("::") ? ruleId : "Annotation::" + ruleId, reason),
                MetadataOptions.builder().stackTrace(false).build());
    }
}
