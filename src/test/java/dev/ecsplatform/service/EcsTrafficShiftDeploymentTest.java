package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * ECS-native blue/green, canary and linear on ALB and NLB traffic, and recreate, on the {@code shift} fixture: what the
 * service's DeploymentConfiguration and LoadBalancers say, the alternate target group, the test routes, the roles.
 */
class EcsTrafficShiftDeploymentTest {

    private final Template web = Fixtures.service("shift", "web");    // blueGreen, ALB with a test listener, hooks
    private final Template api = Fixtures.service("shift", "api");    // linear, ALB
    private final Template game = Fixtures.service("shift", "game");  // canary, NLB with a test listener
    private final Template jobs = Fixtures.service("shift", "jobs");  // recreate, a worker

    @Test
    void blueGreenSetsTheStrategyBakeTimeCircuitBreakerAndFullSizePercentages() {
        web.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectEquals(Map.of(
                "Strategy", "BLUE_GREEN",
                "BakeTimeInMinutes", 10,
                "MinimumHealthyPercent", 100,
                "MaximumPercent", 200,
                "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true),
                "Alarms", rollbackAlarms("web", "5xx-rate", "p99-latency", "unhealthy-hosts"),
                "LifecycleHooks", Match.anyValue()))));
    }

    @Test
    void linearSetsItsStepsAndNoCircuitBreaker() {
        api.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectEquals(Map.of(
                "Strategy", "LINEAR",
                "BakeTimeInMinutes", 5,
                "LinearConfiguration", Map.of("StepPercent", 25, "StepBakeTimeInMinutes", 4),
                "Alarms", rollbackAlarms("api", "5xx-rate", "p99-latency", "unhealthy-hosts"),
                "MinimumHealthyPercent", 100,
                "MaximumPercent", 200))));
    }

    @Test
    void canarySetsItsShareAndWaitAndNoCircuitBreaker() {
        game.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectEquals(Map.of(
                "Strategy", "CANARY",
                "BakeTimeInMinutes", 5,
                "CanaryConfiguration", Map.of("CanaryPercent", 10, "CanaryBakeTimeInMinutes", 5),
                "Alarms", rollbackAlarms("game", "unhealthy-hosts"),
                "MinimumHealthyPercent", 100,
                "MaximumPercent", 200))));
    }

    @Test
    void recreateStopsEveryTaskBeforeStartingNewOnesWithTheCircuitBreaker() {
        jobs.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectEquals(Map.of(
                "MinimumHealthyPercent", 0,
                "MaximumPercent", 100,
                "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)))));
        assertThat(jobs.findResources("AWS::ElasticLoadBalancingV2::TargetGroup")).isEmpty();
    }

    @Test
    void noStrategyWritesADesiredCount() {
        for (Template template : List.of(web, api, game, jobs)) {
            template.hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", Match.absent(),
                    "DeploymentController", Match.absent()));
        }
    }

    @Test
    void anAlbServiceNamesTheAlternateGroupBothRulesAndTheRoleForTheShift() {
        web.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Map.of(
                "ContainerName", "web",
                "ContainerPort", 8080,
                "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^TrafficTargetGroup")),
                "AdvancedConfiguration", Map.of(
                        "AlternateTargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^TrafficAlternateTargetGroup")),
                        "ProductionListenerRule", Map.of("Ref", Match.stringLikeRegexp("^TrafficRule")),
                        "TestListenerRule", Map.of("Ref", Match.stringLikeRegexp("^TrafficTestRule")),
                        "RoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^ServiceAlternateTargetRole"), "Arn")))))));
    }

    @Test
    void anAlbServicesRulesForwardAllTrafficToThePrimaryAndNoneToTheAlternateUntilEcsShiftsIt() {
        Map<String, Object> weighted = Map.of("Type", "forward", "ForwardConfig", Map.of("TargetGroups", List.of(
                Map.of("TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^TrafficTargetGroup")), "Weight", 100),
                Map.of("TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^TrafficAlternateTargetGroup")), "Weight", 0))));
        web.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of("Priority", 100,
                "ListenerArn", Map.of("Fn::ImportValue", "shift-platform:LoadBalancer-public:Listener-HTTP:Arn"),
                "Actions", List.of(weighted)));
        // The test route: the same paths at the same priority on the load balancer's test listener
        web.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of("Priority", 100,
                "ListenerArn", Map.of("Fn::ImportValue", "shift-platform:LoadBalancer-public:Listener-Test:Arn"),
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/*")))),
                "Actions", List.of(weighted)));
        web.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 2);
    }

    @Test
    void theAlternateTargetGroupIsTheSameAsThePrimaryOnAlbAndNlb() {
        for (Template template : List.of(web, api, game)) {
            Map<String, Map<String, Object>> groups = template.findResources("AWS::ElasticLoadBalancingV2::TargetGroup");
            assertThat(groups).hasSize(2);
            List<Object> properties = groups.values().stream().map(group -> group.get("Properties")).toList();
            assertThat(properties.get(0)).isEqualTo(properties.get(1));
        }
        // including the settings the service's config changed from the defaults
        web.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of("HealthCheckIntervalSeconds", 15,
                "HealthyThresholdCount", 3, "TargetGroupAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "20")))));
    }

    @Test
    void anNlbServiceShiftsBetweenItsOwnListenersAndTestsOnItsOwnTestListener() {
        game.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Map.of(
                "ContainerName", "game",
                "ContainerPort", 6379,
                "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficTargetGroup")),
                "AdvancedConfiguration", Map.of(
                        "AlternateTargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficAlternateTargetGroup")),
                        "ProductionListenerRule", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficListener")),
                        "TestListenerRule", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficTestListener")),
                        "RoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^ServiceNetworkAlternateTargetRole"), "Arn")))))));
        // Both listeners forward 100 % to the primary and 0 % to the alternate group, so both groups are associated with
        // the load balancer before ECS needs them (ECS refuses an alternate group no listener of the service uses)
        Map<String, Object> weighted = Map.of("Type", "forward", "ForwardConfig", Map.of("TargetGroups", List.of(
                Map.of("TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficTargetGroup")), "Weight", 100),
                Map.of("TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficAlternateTargetGroup")), "Weight", 0))));
        game.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 6379, "Protocol", "TCP",
                "DefaultActions", List.of(weighted)));
        // The test listener: its own port, the production listener's protocol, the same weighted forward
        game.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 16379, "Protocol", "TCP",
                "LoadBalancerArn", Map.of("Fn::ImportValue", "shift-platform:LoadBalancer-edge:Arn"),
                "DefaultActions", List.of(weighted)));
        game.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
        // reachable from the testers' network only
        game.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("FromPort", 16379, "ToPort", 16379,
                "CidrIp", "203.0.113.0/24",
                "GroupId", Map.of("Fn::ImportValue", "shift-platform:LoadBalancer-edge:SecurityGroupId")));
        assertThat(game.findResources("AWS::EC2::SecurityGroupIngress").toString()).doesNotContain("16379, CidrIp=0.0.0.0/0");
    }

    @Test
    void ecsShiftsTrafficWithARoleItAloneMayAssumeAndAwssPolicyForLoadBalancers() {
        for (Template template : List.of(web, game)) {
            template.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Action", "sts:AssumeRole", "Effect", "Allow", "Principal", Map.of("Service", "ecs.amazonaws.com")))),
                    "ManagedPolicyArns", List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                            ":iam::aws:policy/" + AlternateTargetRole.MANAGED_POLICY))))));
        }
    }

    @Test
    void lifecycleHooksCallTheFunctionsAtTheirStagesWithARoleThatMayInvokeExactlyThem() {
        web.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectLike(Map.of(
                "LifecycleHooks", List.of(
                        Map.of("HookTargetArn", "arn:aws:lambda:eu-west-1:123456789012:function:smoke-test",
                                "LifecycleStages", List.of("POST_TEST_TRAFFIC_SHIFT"),
                                "RoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^LifecycleHookRole"), "Arn"))),
                        Map.of("HookTargetArn", "arn:aws:lambda:eu-west-1:123456789012:function:notify:live",
                                "LifecycleStages", List.of("PRE_SCALE_UP", "POST_PRODUCTION_TRAFFIC_SHIFT"),
                                "RoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^LifecycleHookRole"), "Arn"))))))));
        web.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                "Statement", List.of(Map.of("Action", "lambda:InvokeFunction", "Effect", "Allow", "Resource", List.of(
                        "arn:aws:lambda:eu-west-1:123456789012:function:notify:live",
                        "arn:aws:lambda:eu-west-1:123456789012:function:smoke-test")))),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^LifecycleHookRole")))));
        // The service waits for the policy, so ECS can use the role from the service's first deployment on
        Map<String, Map<String, Object>> services = web.findResources("AWS::ECS::Service");
        assertThat(services.values().iterator().next().get("DependsOn").toString()).contains("LifecycleHookRoleDefaultPolicy");
        // Without hooks, no such role
        assertThat(api.findResources("AWS::IAM::Role").keySet()).noneMatch(id -> id.startsWith("LifecycleHookRole"));
    }

    @Test
    void prodBakesFifteenMinutesByDefault() {
        Fixtures.service("shiftprod", "web").hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration",
                Match.objectLike(Map.of("Strategy", "BLUE_GREEN", "BakeTimeInMinutes", 15))));
    }

    /** The ECS deployment alarms that roll a deployment of {@code service} back: its load-balancer alarms, by name. */
    private static Map<String, Object> rollbackAlarms(String service, String... signals) {
        return Map.of("AlarmNames", java.util.Arrays.stream(signals).map(signal -> "shift-" + service + "-" + signal).toList(),
                "Enable", true, "Rollback", true);
    }
}
