package dev.ecsplatform.service;

import dev.ecsplatform.testkit.SynthesizedApp;
import dev.ecsplatform.testkit.TestEnvironments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The service's target group and listener rule on the shared load balancer. */
class ServiceRouteTest {

    private final Template dev = SynthesizedApp.service("dev", "web");

    @Test
    void registersTasksByIpWithFastDeployTimings() {
        dev.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "TargetType", "ip",
                "Port", 8080,
                "Protocol", "HTTP",
                "HealthCheckPath", "/",
                "HealthCheckIntervalSeconds", 10,
                "HealthCheckTimeoutSeconds", 5,
                "HealthyThresholdCount", 2,
                "UnhealthyThresholdCount", 2,
                "Matcher", Map.of("HttpCode", "200-399"),
                "TargetGroupAttributes", Match.arrayWith(List.of(Map.of(
                        "Key", "deregistration_delay.timeout_seconds", "Value", "30")))));
    }

    @Test
    void forwardsTheConfiguredPathsFromTheSharedListener() {
        dev.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Priority", 100,
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/*")))),
                "Actions", List.of(Map.of("Type", "forward",
                        "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("RouteTargetGroup")))),
                "ListenerArn", Map.of("Fn::ImportValue", Match.stringLikeRegexp("^dev-platform:.*LoadBalancerpublic"))));
    }

    @Test
    void matchesHostsAndPathsWithTheGivenPriority() {
        var stage = TestEnvironments.stage("custom", TestEnvironments.BASE, TestEnvironments.CUSTOMIZED_SERVICE);
        Template service = Template.fromStack(stage.services().get("api"));
        service.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Priority", 7,
                "Conditions", List.of(
                        Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/api/*"))),
                        Map.of("Field", "host-header", "HostHeaderConfig", Map.of("Values", List.of("api.example.com"))))));
        service.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "HealthCheckPath", "/api/health",
                "HealthCheckIntervalSeconds", 15,
                "TargetGroupAttributes", Match.arrayWith(List.of(Map.of(
                        "Key", "deregistration_delay.timeout_seconds", "Value", "5")))));
    }
}
