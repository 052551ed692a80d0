package dev.ecsplatform.loadbalancing;

import dev.ecsplatform.testkit.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The access-log bucket: private, TLS-only, SSE-S3, versioned, expiring, retained. */
class AccessLogBucketTest {

    @Test
    void isPrivateEncryptedVersionedAndRetained() {
        SynthesizedApp.platform("dev").hasResource("AWS::S3::Bucket", Map.of(
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
        SynthesizedApp.platform("dev").hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Id", "expire-public", "Prefix", "public/", "ExpirationInDays", 90, "Status", "Enabled"))))));
        SynthesizedApp.platform("prod").hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 365))))));
    }

    @Test
    void letsTheRegionsElbAccountWriteUnderTheLoadBalancersPrefix() {
        // eu-west-1's ELB account; without this statement the load balancer cannot deliver its logs.
        SynthesizedApp.platform("dev").hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Action", "s3:PutObject",
                        "Principal", Map.of("AWS", Match.stringLikeRegexp("156460612806")),
                        "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                                Match.stringLikeRegexp("/public/AWSLogs/111111111111/\\*"))))))))))));
    }

    @Test
    void deniesRequestsWithoutTls() {
        SynthesizedApp.platform("dev").hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
}
