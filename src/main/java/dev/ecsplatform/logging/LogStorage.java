package dev.ecsplatform.logging;

import dev.ecsplatform.config.Tier;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * How one stack keeps its CloudWatch logs. In prod, log groups are retained when they leave the
 * template and are encrypted with the stack's own KMS key (NIST CloudWatchLogGroupEncrypted,
 * CT.CLOUDWATCH.PR.3); elsewhere they go with the stack and CloudWatch's own encryption applies.
 *
 * @param removalPolicy what happens to a log group when it leaves the template
 * @param key           the key that encrypts the stack's log groups, if any
 */
public record LogStorage(RemovalPolicy removalPolicy, Optional<IKey> key) {

    /** The construct ID of the key at the stack's root; part of its pinned logical ID. */
    private static final String KEY_ID = "LogsKey";

    /** The log storage of {@code stack} in an environment of {@code tier}; creates the stack's key in prod. */
    public static LogStorage forStack(Stack stack, Tier tier) {
        if (!tier.isProduction()) {
            return new LogStorage(RemovalPolicy.DESTROY, Optional.empty());
        }
        return new LogStorage(RemovalPolicy.RETAIN, Optional.of(new LogEncryptionKey(stack, KEY_ID).key()));
    }

    /** An explicit log group with {@code retentionDays}, this storage's removal policy and key. */
    public LogGroup newLogGroup(Construct scope, String id, int retentionDays) {
        return LogGroup.Builder.create(scope, id)
                .retention(LogRetention.ofDays(retentionDays))
                .removalPolicy(removalPolicy)
                .encryptionKey(key.orElse(null))
                .build();
    }
}
