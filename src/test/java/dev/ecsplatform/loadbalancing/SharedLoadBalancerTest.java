package dev.ecsplatform.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.stage.EnvironmentStage;
import dev.ecsplatform.testkit.SynthesizedApp;
import dev.ecsplatform.testkit.TestEnvironments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The shared Application Load Balancer, its security group and listener. */
class SharedLoadBalancerTest {

    @Test
    void isInternetFacingInThePublicSubnets() {
        SynthesizedApp.platform("dev").hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing",
                "Type", "application",
                "Subnets", Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("publicSubnet1"))))));
    }

    @Test
    void answersUnmatchedRequestsWithA404() {
        SynthesizedApp.platform("dev").hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80,
                "Protocol", "HTTP",
                "DefaultActions", List.of(Match.objectLike(Map.of(
                        "Type", "fixed-response",
                        "FixedResponseConfig", Match.objectLike(Map.of("StatusCode", "404")))))));
    }

    @Test
    void admitsOnlyTheListenerPortFromTheInternet() {
        SynthesizedApp.platform("dev").hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", List.of(Map.of(
                        "CidrIp", "0.0.0.0/0", "Description", "HTTP from the internet",
                        "FromPort", 80, "ToPort", 80, "IpProtocol", "tcp")),
                "SecurityGroupEgress", List.of(Match.objectLike(Map.of(
                        "CidrIp", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NetworkVpc"), "CidrBlock")))))));
    }

    @Test
    void hardensHeadersAndWritesAccessLogs() {
        Map<String, Object> attributes = attributes(SynthesizedApp.platform("dev"));
        assertThat(attributes).containsEntry("routing.http.drop_invalid_header_fields.enabled", "true")
                .containsEntry("routing.http.desync_mitigation_mode", "defensive")
                .containsEntry("access_logs.s3.enabled", "true")
                .containsEntry("deletion_protection.enabled", "false");
    }

    @Test
    void isDeletionProtectedInProd() {
        assertThat(attributes(SynthesizedApp.platform("prod"))).containsEntry("deletion_protection.enabled", "true");
    }

    @Test
    void anInternalLoadBalancerSitsInPrivateSubnetsAndAdmitsOnlyTheVpc() {
        EnvironmentStage stage = TestEnvironments.stage("internal", TestEnvironments.BASE,
                TestEnvironments.dev("loadBalancers:\n  public:\n    scheme: internal\n    port: 8000\n"));
        Template platform = TestEnvironments.platform(stage);
        platform.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internal",
                "Subnets", Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("privateSubnet1"))))));
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", List.of(Match.objectLike(Map.of(
                        "CidrIp", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NetworkVpc"), "CidrBlock")),
                        "FromPort", 8000, "ToPort", 8000)))));
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
