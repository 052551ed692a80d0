package dev.ecsplatform.alarms;

import dev.ecsplatform.compliance.KeyPolicies;
import dev.ecsplatform.config.AlarmNotificationsConfig;
import dev.ecsplatform.config.Tier;
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
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The environment's one SNS topic for alarm notifications, encrypted with a customer-managed KMS key that CloudWatch
 * may use. With the AWS-managed {@code alias/aws/sns} key CloudWatch cannot publish at all (its key policy admits only
 * principals of the account calling through SNS, and no key policy of an AWS-managed key can be changed), and the
 * alarm's notification is dropped without an error anywhere but the alarm's history.
 *
 * <p>It lives in the platform stack and is exported ({@code AlarmTopicArn}), so every service stack's alarms notify the
 * same topic and a service stack stays deletable on its own.
 *
 * <p>The key is retained in prod and deleted with the stack elsewhere (after KMS's 30-day waiting period, during which
 * the deletion can be cancelled). What it encrypts lives no longer than the topic: SNS keeps a message only until it is
 * delivered or its retries run out. Retaining it in prod keeps the rule for every stateful resource there
 * ({@code DeletionPolicy: Retain}) and means that a replacement (a new logical ID, which the pinned IDs forbid anyway)
 * never makes undeliverable the messages still retrying under the old key; a key pending deletion decrypts nothing.
 */
public final class AlarmTopic extends Construct {

    /**
     * Inputs of the topic.
     *
     * @param environment   the environment's name, for the descriptions
     * @param tier          the environment's tier: prod retains the key
     * @param notifications who the topic notifies
     */
    public record Props(String environment, Tier tier, AlarmNotificationsConfig notifications) {
    }

    /** KMS waits this long before deleting a key scheduled for deletion; the maximum, to allow a rescue. */
    private static final Duration PENDING_WINDOW = Duration.days(30);

    private final Key key;
    private final Topic topic;

    public AlarmTopic(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        this.key = Key.Builder.create(this, "Key")
                .description("Encrypts the alarm notifications of environment " + props.environment())
                .enableKeyRotation(true)
                .pendingWindow(PENDING_WINDOW)
                .removalPolicy(props.tier().isProduction() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        // CloudWatch acts as itself, a service principal, for an alarm of this account and region (confused-deputy
        // prevention by aws:SourceAccount and aws:SourceArn, as the CloudWatch and SNS guides document for alarm actions).
        Map<String, Object> alarmsOfThisAccount = Map.of(
                "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":cloudwatch:" + stack.getRegion() + ":"
                        + stack.getAccount() + ":alarm:*"));
        ServicePrincipal cloudWatch = new ServicePrincipal("cloudwatch.amazonaws.com");
        // SNS guide, "Enable compatibility between event sources from AWS services and encrypted topics": the publishing
        // service needs kms:GenerateDataKey* and kms:Decrypt on the topic's key.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsOfThisAccountAndRegion")
                .effect(Effect.ALLOW)
                .principals(List.of(cloudWatch))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(alarmsOfThisAccount)
                .build());
        key.addToResourcePolicy(KeyPolicies.denyGrantsExceptForAwsServices());
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("Alarms of " + props.environment())
                .masterKey(key)
                // Denies every request not made over TLS (cdk-nag AwsSolutions-SNS3).
                .enforceSsl(true)
                .build();
        // The topic policy that enforceSsl writes replaces SNS's default policy, which admitted the account's own
        // CloudWatch alarms; without this statement no alarm could publish.
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsToPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(cloudWatch))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(alarmsOfThisAccount)
                .build());
        props.notifications().emails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));
    }

    /** The topic every alarm of the environment notifies. */
    public ITopic topic() {
        return topic;
    }

    /** The key that encrypts the topic's messages. */
    public IKey key() {
        return key;
    }
}
