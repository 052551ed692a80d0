package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.TestEnvironments;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The service's target group and listener rule on the shared load balancer. */
class AlbRouteTest {

    private final Template dev = Fixtures.service("dev", "web");

    @Test
    void registersTasksByIpWithFastDeployTimings() {
        dev.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "TargetType", "ip",
                "Port", AlbRoute.TARGET_GROUP_PORT,
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
    void rampsUpNewTasksAndKeepsClientsOnOneTaskWhenConfigured() {
        Fixtures.service("shared", "orders").hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "TargetGroupAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "5"),
                        Map.of("Key", "slow_start.duration_seconds", "Value", "60"),
                        Map.of("Key", "stickiness.enabled", "Value", "true"),
                        Map.of("Key", "stickiness.type", "Value", "lb_cookie"),
                        Map.of("Key", "stickiness.lb_cookie.duration_seconds", "Value", "3600")))));
        // Off by default: CDK writes stickiness as disabled, and no slow start at all
        String attributes = dev.findResources("AWS::ElasticLoadBalancingV2::TargetGroup").toString();
        assertThat(attributes).contains("{Key=stickiness.enabled, Value=false}").doesNotContain("slow_start")
                .doesNotContain("lb_cookie");
    }

    @Test
    void forwardsTheConfiguredPathsFromTheSharedListener() {
        dev.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Priority", 100,
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/*")))),
                "Actions", List.of(Map.of("Type", "forward",
                        "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("TrafficTargetGroup")))),
                "ListenerArn", Map.of("Fn::ImportValue", "dev-platform:LoadBalancer-public:Listener-HTTP:Arn")));
    }

    @Test
    void keepsTheTargetGroupWhenTheContainerPortChanges() {
        // GIVEN the same service on container port 8080, then 9090. Port replaces a target group, and the
        // listener would forward to an empty group until new tasks are healthy.
        Map<String, Map<String, Object>> before = targetGroups(8080);
        Map<String, Map<String, Object>> after = targetGroups(9090);
        // THEN the target group keeps its logical ID and every property: only the service's ContainerPort changes.
        assertThat(after).isEqualTo(before);
    }

    private static Map<String, Map<String, Object>> targetGroups(int containerPort) {
        String environment = TestEnvironments.dev("""
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] } }
                services:
                  api: { image: example/api:1.0, port: %d, user: "1000", traffic: { alb: { loadBalancer: public } } }
                """.formatted(containerPort));
        Template service = Template.fromStack(TestEnvironments.stage("dev", "owner: test-team\n", environment).services().get("api"));
        service.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Match.objectLike(Map.of("ContainerPort", containerPort)))));
        return service.findResources("AWS::ElasticLoadBalancingV2::TargetGroup");
    }

    @Test
    void matchesHostsAndPathsWithTheGivenPriority() {
        Template service = Fixtures.service("shared", "orders");
        service.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Priority", 20,
                "Conditions", List.of(
                        Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/orders/*"))),
                        Map.of("Field", "host-header", "HostHeaderConfig", Map.of("Values", List.of("shop.example.com"))))));
        service.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "HealthCheckPath", "/orders/health",
                "HealthCheckIntervalSeconds", 15,
                "TargetGroupAttributes", Match.arrayWith(List.of(Map.of(
                        "Key", "deregistration_delay.timeout_seconds", "Value", "5")))));
    }
}
