package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** A service's own listener on a shared Network Load Balancer, and the load balancer itself. */
class NlbListenerTest {

    private final Template game = Fixtures.service("edge", "game");
    private final Template api = Fixtures.service("edge", "api");

    @Test
    void theLoadBalancerHasSecurityGroupsFromTheStartCrossZoneAndNoListenerOfItsOwn() {
        Template platform = Fixtures.platform("edge");
        platform.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Type", "network",
                "Scheme", "internet-facing",
                "SecurityGroups", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^LoadBalanceredgeSecurityGroup"), "GroupId"))),
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "load_balancing.cross_zone.enabled", "Value", "true")))));
        // Listeners belong to the services; the platform exports none for a network load balancer
        assertThat(platform.findResources("AWS::ElasticLoadBalancingV2::Listener").values())
                .allSatisfy(listener -> assertThat(listener.toString()).doesNotContain("LoadBalanceredge"));
        assertThat(platform.findOutputs("*").keySet()).noneMatch(output -> output.startsWith("ExportLoadBalanceredgeListener"));
        // Its group reaches the tasks' membership group on TCP and UDP, and admits nobody itself
        platform.hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of("IpProtocol", "udp", "FromPort", 0, "ToPort", 65535,
                "DestinationSecurityGroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^LoadBalanceredgeTargetsSecurityGroup"), "GroupId"))));
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Load balancer edge"), "SecurityGroupIngress", Match.absent()));
    }

    @Test
    void aUdpServiceGetsAUdpListenerTargetGroupPortMappingAndIngressAndATcpHealthCheckPort() {
        game.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 7777, "Protocol", "UDP",
                "LoadBalancerArn", Map.of("Fn::ImportValue", "edge-platform:LoadBalancer-edge:Arn")));
        game.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Protocol", "UDP", "TargetType", "ip", "HealthCheckProtocol", "TCP", "HealthCheckPort", "7778",
                "TargetGroupAttributes", Match.arrayWith(List.of(Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30")))));
        game.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "game", "PortMappings", List.of(
                        Map.of("ContainerPort", 7777, "Protocol", "tcp"), Map.of("ContainerPort", 7777, "Protocol", "udp"))))))));
        game.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Map.of(
                "ContainerName", "game", "ContainerPort", 7777,
                "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficTargetGroup"))))));
        // Tasks admit the load balancer's group on the UDP port and on the health-check port, nothing else
        String nlbGroup = "edge-platform:LoadBalancer-edge:SecurityGroupId";
        game.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("IpProtocol", "udp", "FromPort", 7777, "ToPort", 7777,
                "SourceSecurityGroupId", Map.of("Fn::ImportValue", nlbGroup)));
        game.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("IpProtocol", "tcp", "FromPort", 7778, "ToPort", 7778,
                "SourceSecurityGroupId", Map.of("Fn::ImportValue", nlbGroup)));
        // Clients reach the listener port on the load balancer's group, by a rule of the service's own
        game.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("IpProtocol", "udp", "FromPort", 7777, "ToPort", 7777,
                "CidrIp", "0.0.0.0/0", "GroupId", Map.of("Fn::ImportValue", nlbGroup)));
    }

    @Test
    void aServiceCanHaveAnAlbRouteAndATlsNlbListenerAtOnce() {
        api.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443, "Protocol", "TLS", "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates", List.of(Map.of("CertificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"))));
        api.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "Protocol", "TCP", "HealthCheckProtocol", "HTTP", "HealthCheckPath", "/health"));
        api.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 1);
        api.hasResourceProperties("AWS::ECS::Service", Map.of(
                "LoadBalancers", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^TrafficTargetGroup")))),
                        Match.objectLike(Map.of("TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficTargetGroup")))))),
                "HealthCheckGracePeriodSeconds", 60));
        // The tasks wear both load balancers' membership groups
        api.hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                "SecurityGroups", Match.arrayWith(List.of(
                        Map.of("Fn::ImportValue", "edge-platform:LoadBalancer-public:TargetsSecurityGroupId"),
                        Map.of("Fn::ImportValue", "edge-platform:LoadBalancer-edge:TargetsSecurityGroupId"))))))));
    }
}
