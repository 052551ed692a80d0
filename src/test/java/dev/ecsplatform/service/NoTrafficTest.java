package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** A worker (no loadBalancer): nothing reaches it, it only calls out, and it still scales on CPU. */
class NoTrafficTest {

    private final Template worker = Fixtures.service("shared", "queue-worker");

    @Test
    void hasNoTargetGroupNoListenerRuleAndNoIngress() {
        worker.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 0);
        worker.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 0);
        worker.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
        worker.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", Match.absent()));
        assertThat(worker.toJSON().toString()).as("imports nothing of a load balancer").doesNotContain(":LoadBalancer-");
    }

    @Test
    void runsWithItsOwnGroupOnlyAndNoLoadBalancerSettings() {
        worker.hasResourceProperties("AWS::ECS::Service", Map.of(
                "LoadBalancers", Match.absent(),
                // ECS rejects a health-check grace period on a service without a load balancer.
                "HealthCheckGracePeriodSeconds", Match.absent(),
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
                // Its own group, and the Service Connect membership every service of this environment wears (so it may
                // call the published ones); no load balancer's targets group.
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                        "SecurityGroups", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TaskSecurityGroup"), "GroupId")),
                                Map.of("Fn::ImportValue", "shared-platform:ServiceConnect:SecurityGroupId")))))));
    }

    @Test
    void mapsNoPortAndRunsTheConfiguredCommandWithoutAnHttpCheck() {
        worker.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(
                Match.objectLike(Map.of(
                        "Name", "queue-worker",
                        "Command", List.of("sh", "-c", "while true; do echo polling; sleep 30; done"),
                        "PortMappings", Match.absent(),
                        "HealthCheck", Match.absent()))))));
    }

    @Test
    void scalesOnCpuLikeAnyService() {
        worker.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 1, "MaxCapacity", 3, "ScalableDimension", "ecs:service:DesiredCount"));
        worker.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 50))));
    }

    @Test
    void outputsEverythingButAUrl() {
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) worker.toJSON().get("Outputs");
        assertThat(outputs.keySet()).containsExactlyInAnyOrder("LogGroupName", "ClusterName", "ServiceName");
    }
}
