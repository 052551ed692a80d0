package dev.ecsplatform.compliance;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** Key-policy statements every customer-managed KMS key of the product carries. */
public final class KeyPolicies {

    private KeyPolicies() {
    }

    /**
     * Grants let a holder use a key without the key policy saying so; only AWS services acting for a resource (CloudWatch
     * Logs for a log group, SNS for a topic) may create them (Control Tower CT.KMS.PR.3).
     */
    public static PolicyStatement denyGrantsExceptForAwsServices() {
        return PolicyStatement.Builder.create()
                .sid("DenyGrantsExceptForAwsServices")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("kms:CreateGrant"))
                .resources(List.of("*"))
                .conditions(Map.of("BoolIfExists", Map.of(
                        "kms:GrantIsForAWSResource", "false",
                        "aws:PrincipalIsAWSService", "false")))
                .build();
    }
}
