package dev.ecsplatform.service;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The ECS service: placement, capacity, deployment safety and the tasks' security group. */
class FargateComputeTest {

    private final Template dev = Fixtures.service("dev", "web");

    @Test
    void rollsBackWhenTheCircuitBreakerTrips() {
        dev.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Map.of(
                "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true),
                "MinimumHealthyPercent", 100,
                "MaximumPercent", 200)));
    }

    @Test
    void runsInPrivateSubnetsWithoutPublicIps() {
        dev.hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                "AssignPublicIp", "DISABLED",
                "Subnets", List.of(
                        Map.of("Fn::ImportValue", "dev-platform:PrivateSubnet1Id"),
                        Map.of("Fn::ImportValue", "dev-platform:PrivateSubnet2Id")))))));
    }

    @Test
    void runsInPublicSubnetsWithPublicIpsWhenTheEnvironmentHasNoNat() {
        // fixtures/environments/cheap.yaml: network.egress publicIps.
        for (String service : List.of("web", "worker")) {
            Template cheap = Fixtures.service("cheap", service);
            cheap.hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration",
                    Match.objectLike(Map.of(
                            "AssignPublicIp", "ENABLED",
                            "Subnets", List.of(
                                    Map.of("Fn::ImportValue", "cheap-platform:PublicSubnet1Id"),
                                    Map.of("Fn::ImportValue", "cheap-platform:PublicSubnet2Id")))))));
        }
    }

    @Test
    void tasksWithPublicIpsStillAdmitOnlyTheLoadBalancer() {
        Template web = Fixtures.service("cheap", "web");
        web.resourceCountIs("AWS::EC2::SecurityGroupIngress", 1);
        web.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "IpProtocol", "tcp", "FromPort", 8080, "ToPort", 8080,
                "SourceSecurityGroupId", Map.of("Fn::ImportValue", "cheap-platform:LoadBalancer-public:SecurityGroupId")));
        web.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", Match.absent()));
        Fixtures.service("cheap", "worker").resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    }

    @Test
    void carriesAReasonedGuardExceptionForPublicIpsOnlyOnServicesThatHaveThem() {
        Fixtures.service("cheap", "web").hasResource("AWS::ECS::Service", Map.of("Metadata", Map.of(
                "ecsplatform:guardExceptions", List.of(Map.of("control", "CT.ECS.PR.9",
                        "reason", Match.stringLikeRegexp("^The environment has no NAT \\(network\\.egress\\.publicIps.*"))))));
        dev.hasResource("AWS::ECS::Service", Map.of("Metadata", Match.absent()));
    }

    @Test
    void placesTasksByTheConfiguredCapacityStrategy() {
        dev.hasResourceProperties("AWS::ECS::Service", Map.of("CapacityProviderStrategy", List.of(
                Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1, "Base", 0))));
        Fixtures.service("internal", "web").hasResourceProperties("AWS::ECS::Service", Map.of("CapacityProviderStrategy", List.of(
                Map.of("CapacityProvider", "FARGATE", "Weight", 1, "Base", 1),
                Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1, "Base", 0))));
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ECS::Service", Map.of("CapacityProviderStrategy", List.of(
                Map.of("CapacityProvider", "FARGATE", "Weight", 1, "Base", 0))));
    }

    @Test
    void leavesTheDesiredCountToAutoscaling() {
        dev.hasResourceProperties("AWS::ECS::Service", Map.of(
                "DesiredCount", Match.absent(),
                "LaunchType", Match.absent(),
                "PlatformVersion", "LATEST",
                "HealthCheckGracePeriodSeconds", 60,
                "LoadBalancers", List.of(Map.of("ContainerName", "web", "ContainerPort", 8080,
                        "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("TrafficTargetGroup"))))));
    }

    @Test
    void admitsOnlyTheLoadBalancerOnTheContainerPort() {
        dev.resourceCountIs("AWS::EC2::SecurityGroupIngress", 1);
        dev.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "IpProtocol", "tcp", "FromPort", 8080, "ToPort", 8080,
                "SourceSecurityGroupId", Map.of("Fn::ImportValue", "dev-platform:LoadBalancer-public:SecurityGroupId")));
        dev.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", Match.absent()));
        Fixtures.service("shared", "orders").hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "FromPort", 9000, "ToPort", 9000));
    }

    @Test
    void wearsTheLoadBalancersTargetsGroupSoTheLoadBalancerMayReachIt() {
        dev.hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                "SecurityGroups", List.of(
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TaskSecurityGroup"), "GroupId")),
                        Map.of("Fn::ImportValue", "dev-platform:LoadBalancer-public:TargetsSecurityGroupId")))))));
    }

    @Test
    void startsOnlyAfterTheExecutionRoleCanWriteLogs() {
        String policy = dev.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of(
                "PolicyName", Match.stringLikeRegexp("ExecutionRoleDefaultPolicy")))).keySet().iterator().next();
        dev.hasResource("AWS::ECS::Service", Map.of("DependsOn", Match.arrayWith(List.of(policy))));
    }
}
