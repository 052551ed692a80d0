package dev.ecsplatform.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The access-log bucket: private, TLS-only, SSE-S3, versioned, expiring, retained. */
class AccessLogBucketTest {

    @Test
    void isPrivateEncryptedVersionedAndRetained() {
        Fixtures.platform("dev").hasResource("AWS::S3::Bucket", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                        "PublicAccessBlockConfiguration", Map.of(
                                "BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "VersioningConfiguration", Map.of("Status", "Enabled"))),
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void expiresEachLoadBalancersLogsAfterItsConfiguredDays() {
        Fixtures.platform("dev").hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Id", "expire-public", "Prefix", "public/", "ExpirationInDays", 90, "Status", "Enabled"))))));
        Fixtures.platform("prod").hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 365))))));
    }

    @Test
    void letsOnlyElbLogDeliveryForThisAccountWriteUnderTheLoadBalancersPrefix() {
        Fixtures.platform("dev").hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Action", "s3:PutObject",
                        "Principal", Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Fixtures.ACCOUNT)),
                        "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                                Match.stringLikeRegexp("/public/AWSLogs/" + Fixtures.ACCOUNT + "/\\*"))))))))))));
    }

    @Test
    void grantsNoLegacyElbAccountPrincipal() {
        // aws-cdk-lib's logAccessLogs writes the eu-west-1 ELB account (156460612806); we do not use it.
        assertThat(Fixtures.platform("dev").toJSON().toString()).doesNotContain("156460612806");
    }

    @Test
    void turnsLoggingOnOnlyAfterTheBucketPolicyExists() {
        // ELB test-writes to the bucket when access_logs.s3.enabled is set; without the policy that fails.
        Template platform = Fixtures.platform("dev");
        String policy = platform.findResources("AWS::S3::BucketPolicy").keySet().iterator().next();
        platform.hasResource("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "DependsOn", Match.arrayWith(List.of(policy)),
                "Properties", Match.objectLike(Map.of("LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "access_logs.s3.enabled", "Value", "true"),
                        Map.of("Key", "access_logs.s3.prefix", "Value", "public")))))));
    }

    @Test
    void deniesRequestsWithoutTls() {
        Fixtures.platform("dev").hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
}
