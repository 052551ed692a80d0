package dev.ecsplatform.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The shared Application Load Balancer, its security group and listener. */
class SharedLoadBalancerTest {

    @Test
    void isInternetFacingInThePublicSubnets() {
        Fixtures.platform("dev").hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing",
                "Type", "application",
                "Subnets", Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("publicSubnet1"))))));
    }

    @Test
    void answersUnmatchedRequestsWithA404() {
        Fixtures.platform("dev").hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80,
                "Protocol", "HTTP",
                "DefaultActions", List.of(Match.objectLike(Map.of(
                        "Type", "fixed-response",
                        "FixedResponseConfig", Match.objectLike(Map.of("StatusCode", "404")))))));
    }

    @Test
    void admitsOnlyTheListenerPortFromTheInternet() {
        Fixtures.platform("dev").hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", List.of(Map.of(
                        "CidrIp", "0.0.0.0/0", "Description", "HTTP from the internet",
                        "FromPort", 80, "ToPort", 80, "IpProtocol", "tcp"))));
    }

    @Test
    void reachesOnlyItsTargetsGroupWithOneRuleWhateverTheNumberOfServices() {
        // Three services share this load balancer; its group still has exactly one egress rule, to the group
        // every task behind it wears. Each task group admits it on that service's container port only.
        Template platform = Fixtures.platform("shared");
        Map<String, Map<String, Object>> groups = platform.findResources("AWS::EC2::SecurityGroup");
        String loadBalancerGroup = groups.keySet().stream().filter(id -> id.startsWith("LoadBalancerpublicSecurityGroup")).findFirst().orElseThrow();
        String targetsGroup = groups.keySet().stream().filter(id -> id.startsWith("LoadBalancerpublicTargetsSecurityGroup")).findFirst().orElseThrow();
        platform.resourceCountIs("AWS::EC2::SecurityGroupEgress", 1);
        platform.hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of(
                "GroupId", Map.of("Fn::GetAtt", List.of(loadBalancerGroup, "GroupId")),
                "DestinationSecurityGroupId", Map.of("Fn::GetAtt", List.of(targetsGroup, "GroupId")),
                "IpProtocol", "tcp", "FromPort", 0, "ToPort", 65535));
        // No rule of its own beyond that one: nothing to the VPC's CIDR, isolated subnets included.
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Load balancer public"), "SecurityGroupEgress", Match.absent()));
        // The targets group itself allows nothing in and nothing out.
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Membership of tasks behind load balancer public"),
                "SecurityGroupIngress", Match.absent(),
                "SecurityGroupEgress", List.of(Match.objectLike(Map.of("CidrIp", "255.255.255.255/32")))));
        assertThat(List.of("web", "orders", "admin")).allSatisfy(service ->
                Fixtures.service("shared", service).hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                        "SourceSecurityGroupId", Map.of("Fn::ImportValue", "shared-platform:LoadBalancer-public:SecurityGroupId"))));
    }

    @Test
    void hardensHeadersAndWritesAccessLogs() {
        Map<String, Object> attributes = attributes(Fixtures.platform("dev"));
        assertThat(attributes).containsEntry("routing.http.drop_invalid_header_fields.enabled", "true")
                .containsEntry("routing.http.desync_mitigation_mode", "defensive")
                .containsEntry("access_logs.s3.enabled", "true")
                .containsEntry("deletion_protection.enabled", "false");
    }

    @Test
    void isDeletionProtectedInProd() {
        assertThat(attributes(Fixtures.platform("prod"))).containsEntry("deletion_protection.enabled", "true");
    }

    @Test
    void anInternalLoadBalancerSitsInPrivateSubnetsAndAdmitsOnlyTheVpc() {
        Template platform = Fixtures.platform("internal");
        platform.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internal",
                "Subnets", Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("privateSubnet1"))))));
        // The CIDR as written in the config, not the VPC's token: cdk-nag's EC23 cannot evaluate a token peer.
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", List.of(Match.objectLike(Map.of(
                        "CidrIp", "10.50.0.0/16", "FromPort", 8080, "ToPort", 8080)))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Template template) {
        Map<String, Object> loadBalancer = (Map<String, Object>) template
                .findResources("AWS::ElasticLoadBalancingV2::LoadBalancer").values().iterator().next();
        List<Map<String, String>> attributes = (List<Map<String, String>>)
                ((Map<String, Object>) loadBalancer.get("Properties")).get("LoadBalancerAttributes");
        Map<String, Object> byKey = new java.util.HashMap<>();
        attributes.forEach(a -> byKey.put(a.get("Key"), a.get("Value")));
        return byKey;
    }
}
