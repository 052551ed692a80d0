package dev.ecsplatform.loadbalancing;

import dev.ecsplatform.compliance.Acknowledgments;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The S3 bucket load balancers write their access logs to: private, TLS-only, versioned, and
 * emptied by a lifecycle rule rather than by hand.
 *
 * <p>Encrypted with SSE-S3 because ELB access logging cannot write to a KMS-encrypted bucket
 * (aws-cdk#21947, ELB docs "Enable access logs"). Always retained on delete: access logs are
 * audit evidence, and the lifecycle rule empties an orphaned bucket on its own.
 */
public final class AccessLogBucket extends Construct {

    /**
     * Inputs of the bucket.
     *
     * @param expirationDaysByPrefix for each load balancer's log prefix, the days after which its log objects
     *                               are deleted
     */
    public record Props(Map<String, Integer> expirationDaysByPrefix) {
        public Props {
            expirationDaysByPrefix = Map.copyOf(expirationDaysByPrefix);
        }
    }

    private static final String NO_SERVER_ACCESS_LOGS = "This bucket is the access-log destination itself; logging its "
            + "reads to another bucket would only move the problem. Public access is blocked, TLS is enforced and CloudTrail "
            + "records bucket API calls.";

    private final Bucket bucket;

    public AccessLogBucket(Construct scope, String id, Props props) {
        super(scope, id);
        this.bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(lifecycleRules(props.expirationDaysByPrefix()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // Two packs, one finding: the bucket's own reads are not logged.
        Acknowledgments.acknowledge(bucket, "AwsSolutions-S1", NO_SERVER_ACCESS_LOGS);
        Acknowledgments.acknowledge(bucket, "NIST.800.53.R5-S3BucketLoggingEnabled", NO_SERVER_ACCESS_LOGS);
        Acknowledgments.acknowledge(bucket, "NIST.800.53.R5-S3DefaultEncryptionKMS",
                "ELB access logging writes only to buckets encrypted with SSE-S3 (aws-cdk#21947, ELB guide \"Enable access logs\"); "
                        + "objects are still encrypted at rest with S3-managed keys, public access is blocked and TLS is enforced.");
        Acknowledgments.acknowledge(bucket, "NIST.800.53.R5-S3BucketReplicationEnabled",
                "Access logs are short-lived operational evidence expired by the lifecycle rule; versioning and the Retain policy "
                        + "protect them against deletion, and a replica bucket would need its own logging, lifecycle and review.");
    }

    /** One rule per load balancer, so each keeps its logs as long as its own config says. */
    private static List<LifecycleRule> lifecycleRules(Map<String, Integer> expirationDaysByPrefix) {
        return new TreeMap<>(expirationDaysByPrefix).entrySet().stream()
                .map(entry -> LifecycleRule.builder()
                        .id("expire-" + entry.getKey())
                        .prefix(entry.getKey() + "/")
                        .expiration(Duration.days(entry.getValue()))
                        .noncurrentVersionExpiration(Duration.days(1))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build())
                .toList();
    }

    /**
     * Lets {@code loadBalancer} write its access logs under {@code prefix} and turns its logging on.
     *
     * <p>The policy names the {@code logdelivery.elasticloadbalancing.amazonaws.com} service principal, which
     * AWS now recommends in every region, and only for this account's logs (ELB guide, "Enable access logs").
     * aws-cdk-lib's {@code logAccessLogs} still writes the legacy per-region ELB account as principal in
     * regions such as eu-west-1, so the statement and the attributes are written here. ELB test-writes to the
     * bucket when logging is turned on, so the load balancer waits for the policy.
     */
    public void deliverFrom(BaseLoadBalancer loadBalancer, String prefix) {
        Stack stack = Stack.of(this);
        String sid = prefix.replaceAll("[^A-Za-z0-9]", "");
        if (loadBalancer instanceof NetworkLoadBalancer) {
            // A Network Load Balancer's logs (TLS listeners only) are delivered by CloudWatch Logs' delivery service,
            // which reads the bucket ACL first (NLB guide, "Access logs for your Network Load Balancer").
            Map<String, Object> fromThisAccount = Map.of(
                    "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                    "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":"
                            + stack.getAccount() + ":*"));
            bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("AccessLogsAclCheck" + sid)
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
                    .actions(List.of("s3:GetBucketAcl"))
                    .resources(List.of(bucket.getBucketArn()))
                    .conditions(fromThisAccount)
                    .build());
            bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("AccessLogsFrom" + sid)
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
                    .actions(List.of("s3:PutObject"))
                    .resources(List.of(bucket.arnForObjects(prefix + "/AWSLogs/" + stack.getAccount() + "/*")))
                    .conditions(Map.of(
                            "StringEquals", Map.of("aws:SourceAccount", stack.getAccount(), "s3:x-amz-acl", "bucket-owner-full-control"),
                            "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":"
                                    + stack.getAccount() + ":*")))
                    .build());
        } else {
            bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("AccessLogsFrom" + sid)
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal("logdelivery.elasticloadbalancing.amazonaws.com")))
                    .actions(List.of("s3:PutObject"))
                    .resources(List.of(bucket.arnForObjects(prefix + "/AWSLogs/" + stack.getAccount() + "/*")))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                    .build());
        }
        loadBalancer.setAttribute("access_logs.s3.enabled", "true");
        loadBalancer.setAttribute("access_logs.s3.bucket", bucket.getBucketName());
        loadBalancer.setAttribute("access_logs.s3.prefix", prefix);
        loadBalancer.getNode().addDependency(bucket.getPolicy());
    }

    /** The bucket. */
    public IBucket bucket() {
        return bucket;
    }
}
