package dev.ecsplatform.logging;

import dev.ecsplatform.compliance.KeyPolicies;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * A customer-managed KMS key for the CloudWatch log groups of one stack (NIST 800-53 AU-9(3)/SC-28,
 * {@code NIST.800.53.R5-CloudWatchLogGroupEncrypted}, Control Tower CT.CLOUDWATCH.PR.3).
 *
 * <p>One key per stack rather than one shared key: a service stack must stay deletable without
 * touching the platform stack, and a key policy in the platform stack naming service log groups
 * would tie them together. The key is always retained and rotated yearly: deleting it would make
 * every log event it encrypted unreadable, including the retained log groups of a deleted stack.
 */
public final class LogEncryptionKey extends Construct {

    /** KMS waits this long before deleting a key scheduled for deletion; the maximum, to allow a rescue. */
    private static final Duration PENDING_WINDOW = Duration.days(30);

    private final Key key;

    public LogEncryptionKey(Construct scope, String id) {
        super(scope, id);
        Stack stack = Stack.of(this);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts the CloudWatch log groups of stack " + stack.getStackName())
                .enableKeyRotation(true)
                .pendingWindow(PENDING_WINDOW)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // CloudWatch Logs uses the key on behalf of log groups; the encryption-context condition limits it
        // to log groups of this account and region (CloudWatch Logs guide, "Encrypt log data using AWS KMS").
        // The log groups' own ARNs cannot be named: they depend on the key, so naming them would be a cycle.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsOfThisAccountAndRegion")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount() + ":log-group:*")))
                .build());
        key.addToResourcePolicy(KeyPolicies.denyGrantsExceptForAwsServices());
    }

    /** The key, for a log group's {@code encryptionKey}. */
    public IKey key() {
        return key;
    }
}
