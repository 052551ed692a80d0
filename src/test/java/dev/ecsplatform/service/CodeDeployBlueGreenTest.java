package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.config.CodeDeployDeploymentConfig;
import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.TestEnvironments;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** CodeDeploy blue/green on an ALB route and on an NLB listener (fixture codedeploy.yaml). */
class CodeDeployBlueGreenTest {

    private final Template web = Fixtures.service("codedeploy", "web");
    private final Template ledger = Fixtures.service("codedeploy", "ledger");

    @Test
    void theServiceRunsUnderCodeDeployWithoutCircuitBreakerAlarmsDesiredCountOrServiceConnect() {
        for (Template template : List.of(web, ledger)) {
            Map<String, Map<String, Object>> services = template.findResources("AWS::ECS::Service");
            assertThat(services.keySet()).singleElement().asString().startsWith("CodeDeployService");
            template.hasResourceProperties("AWS::ECS::Service", Map.of(
                    "DeploymentController", Map.of("Type", "CODE_DEPLOY"),
                    "DeploymentConfiguration", Map.of("MaximumPercent", 200, "MinimumHealthyPercent", 100),
                    "TaskDefinition", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^CodeDeployServiceShape"), "Family")),
                    "DesiredCount", Match.absent(),
                    "ServiceConnectConfiguration", Match.absent()));
            // Not a member of the namespace: it does not wear the Service Connect group
            assertThat(services.values().iterator().next().toString()).doesNotContain("ServiceConnect");
        }
        // No proxy joins its tasks, so the app container keeps the whole task's memory (less the init container's 32 MiB)
        web.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "web", "Memory", 512 - 32))))));
    }

    @Test
    void onAnAlbRouteTheGroupShiftsBothTargetGroupsBehindTheSharedAndTheTestListener() {
        web.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Map.of(
                "ContainerName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^CodeDeployServiceShape"), "ContainerName")),
                "ContainerPort", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^CodeDeployServiceShape"), "ContainerPort")),
                "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^TrafficTargetGroup"))))));
        web.hasResourceProperties("AWS::CodeDeploy::DeploymentGroup", Map.of(
                "DeploymentStyle", Map.of("DeploymentOption", "WITH_TRAFFIC_CONTROL", "DeploymentType", "BLUE_GREEN"),
                "DeploymentConfigName", "CodeDeployDefault.ECSCanary10Percent5Minutes",
                "AutoRollbackConfiguration", Map.of("Enabled", true, "Events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST",
                        "DEPLOYMENT_STOP_ON_ALARM")),
                // The service's rollback alarms (ServiceAlarms), by the names ServiceStack passes to the binding
                "AlarmConfiguration", Map.of("Enabled", true, "Alarms", List.of(Map.of("Name", "codedeploy-web-5xx-rate"),
                        Map.of("Name", "codedeploy-web-p99-latency"), Map.of("Name", "codedeploy-web-unhealthy-hosts"))),
                "BlueGreenDeploymentConfiguration", Match.objectLike(Map.of("TerminateBlueInstancesOnDeploymentSuccess",
                        Map.of("Action", "TERMINATE", "TerminationWaitTimeInMinutes", 5))),
                "LoadBalancerInfo", Map.of("TargetGroupPairInfoList", List.of(Map.of(
                        "TargetGroups", List.of(
                                Map.of("Name", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TrafficTargetGroup"), "TargetGroupName"))),
                                Map.of("Name", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TrafficAlternateTargetGroup"), "TargetGroupName")))),
                        "ProdTrafficRoute", Map.of("ListenerArns", List.of(Map.of("Fn::ImportValue", "codedeploy-platform:LoadBalancer-public:Listener-HTTP:Arn"))),
                        "TestTrafficRoute", Map.of("ListenerArns", List.of(Map.of("Fn::ImportValue", "codedeploy-platform:LoadBalancer-public:Listener-Test:Arn"))))))));
        web.resourceCountIs("AWS::CodeDeploy::DeploymentConfig", 0);
        // The test route forwards to the primary group until a deployment points it at the new version
        web.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "ListenerArn", Map.of("Fn::ImportValue", "codedeploy-platform:LoadBalancer-public:Listener-Test:Arn"),
                "Actions", List.of(Map.of("Type", "forward", "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^TrafficTargetGroup"))))));
    }

    @Test
    void onAnNlbListenerTheGroupShiftsTheServicesOwnListenersAndACustomPlanIsAConfigOfItsOwn() {
        ledger.hasResourceProperties("AWS::CodeDeploy::DeploymentGroup", Map.of(
                "DeploymentConfigName", Map.of("Ref", Match.stringLikeRegexp("^CodeDeployConfig")),
                "BlueGreenDeploymentConfiguration", Match.objectLike(Map.of("TerminateBlueInstancesOnDeploymentSuccess",
                        Map.of("Action", "TERMINATE", "TerminationWaitTimeInMinutes", 10))),
                "LoadBalancerInfo", Map.of("TargetGroupPairInfoList", List.of(Map.of(
                        "TargetGroups", List.of(
                                Map.of("Name", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^NetworkTrafficTargetGroup"), "TargetGroupName"))),
                                Map.of("Name", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^NetworkTrafficAlternateTargetGroup"), "TargetGroupName")))),
                        "ProdTrafficRoute", Map.of("ListenerArns", List.of(Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficListener")))),
                        "TestTrafficRoute", Map.of("ListenerArns", List.of(Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficTestListener")))))))));
        ledger.hasResourceProperties("AWS::CodeDeploy::DeploymentConfig", Map.of("ComputePlatform", "ECS",
                "TrafficRoutingConfig", Map.of("Type", "TimeBasedLinear",
                        "TimeBasedLinear", Map.of("LinearInterval", 2, "LinearPercentage", 25))));
        ledger.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 9080, "Protocol", "TCP",
                "DefaultActions", List.of(Map.of("Type", "forward", "TargetGroupArn", Map.of("Ref", Match.stringLikeRegexp("^NetworkTrafficTargetGroup"))))));
    }

    @Test
    void theDeploymentResourceCarriesTheAppSpecAndItsHandlerMayOnlyDeployThisService() {
        web.hasResourceProperties("Custom::CodeDeployDeployment", Map.of(
                "TaskDefinition", Map.of("Ref", Match.stringLikeRegexp("^TaskTaskDefinition")),
                "ContainerName", "web", "ContainerPort", 8080,
                "Subnets", List.of(Map.of("Fn::ImportValue", "codedeploy-platform:PrivateSubnet1Id"),
                        Map.of("Fn::ImportValue", "codedeploy-platform:PrivateSubnet2Id")),
                "SecurityGroups", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TaskSecurityGroup"), "GroupId")),
                        Map.of("Fn::ImportValue", "codedeploy-platform:LoadBalancer-public:TargetsSecurityGroupId")),
                "AssignPublicIp", "DISABLED",
                "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE", "Weight", 1, "Base", 0)),
                "PlatformVersion", "LATEST",
                "DeploymentGroupName", Map.of("Ref", Match.stringLikeRegexp("^CodeDeployDeploymentGroup"))));
        web.hasResourceProperties("AWS::Lambda::Function", Map.of("Runtime", "nodejs24.x", "Handler", "index.onEvent"));
        web.hasResourceProperties("AWS::Lambda::Function", Map.of("Runtime", "nodejs24.x", "Handler", "index.isComplete"));
        // CreateDeployment on this group only; PassRole on this task's roles, to ECS tasks only
        web.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Action", Match.arrayWith(List.of("codedeploy:CreateDeployment")),
                        "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                                Match.stringLikeRegexp(":deploymentgroup:$"))))))),
                Match.objectLike(Map.of("Action", "iam:PassRole",
                        "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")),
                        "Resource", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TaskExecutionRole"), "Arn")),
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TaskTaskRole"), "Arn"))))))))));
        // The deployment suspends the scalable target's scale-in: after the group, and after CloudFormation's own
        // changes of the target, which must not land in the middle of a deployment
        for (Template template : List.of(web, ledger)) {
            Map<String, Map<String, Object>> deployments = template.findResources("Custom::CodeDeployDeployment");
            assertThat(deployments.values().iterator().next().get("DependsOn")).asList()
                    .anySatisfy(id -> assertThat(id).asString().startsWith("CodeDeployDeploymentGroup"))
                    .anySatisfy(id -> assertThat(id).asString().matches("ScalingTarget[0-9A-F]{8}"));
        }
        // The provider waits at most the hour the config rules count with: 120 checks, 30 seconds apart
        assertThat(CodeDeployDeploymentConfig.PROVIDER_TIMEOUT_MINUTES).isEqualTo(60);
        assertThat(web.findResources("AWS::StepFunctions::StateMachine").values()).singleElement().asString()
                .contains("\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":30,\"MaxAttempts\":120,");
    }

    /**
     * An image-only change: the task definition changes (and with it its ARN, which the deployment resource names, so
     * CloudFormation calls the handler), while the ECS service, the listener rules, the listeners, the target groups
     * and the deployment group stay byte-identical, so CloudFormation sends nothing to ECS and nothing that would undo
     * the traffic state a deployment left (aws-cdk #36649).
     */
    @Test
    void anImageOnlyChangeTouchesTheTaskDefinitionAndNothingThatHoldsTrafficState() throws IOException {
        String base = Files.readString(Fixtures.DIRECTORY.resolve("base.yaml"));
        String fixture = Files.readString(Fixtures.DIRECTORY.resolve("codedeploy.yaml"));
        String newImage = fixture.replace("nginx-unprivileged:1.27-alpine", "nginx-unprivileged:1.28-alpine");
        assertThat(newImage).isNotEqualTo(fixture);
        for (String service : List.of("web", "ledger")) {
            Template before = Template.fromStack(TestEnvironments.stage("codedeploy", base, fixture).services().get(service));
            Template after = Template.fromStack(TestEnvironments.stage("codedeploy", base, newImage).services().get(service));
            Map<String, Object> was = resources(before);
            Map<String, Object> is = resources(after);
            assertThat(is.keySet()).isEqualTo(was.keySet());
            List<String> changed = is.keySet().stream().filter(id -> !is.get(id).equals(was.get(id))).toList();
            assertThat(changed).as(service).singleElement().asString().startsWith("TaskTaskDefinition");
            // ... and the deployment resource names that task definition by reference, so its resolved property changes
            after.hasResourceProperties("Custom::CodeDeployDeployment", Map.of("TaskDefinition",
                    Map.of("Ref", changed.get(0))));
        }
    }

    /**
     * What ECS refuses to update under CODE_DEPLOY (container port, capacity strategy, security groups) changes the
     * deployment resource, which CodeDeploy then deploys, and the shape's properties, whose handler keeps answering
     * with the creation-time values; the ECS service's template stays byte-identical, so CloudFormation calls no
     * UpdateService that ECS would refuse.
     */
    @Test
    void aChangeEcsRefusesUnderCodeDeployReachesTheDeploymentAndLeavesTheServiceTemplateAsItWas() throws IOException {
        String base = Files.readString(Fixtures.DIRECTORY.resolve("base.yaml"));
        String fixture = Files.readString(Fixtures.DIRECTORY.resolve("codedeploy.yaml"));
        String changed = fixture.replace("    port: 8080\n    traffic:\n      alb:", "    port: 8081\n"
                + "    securityGroups: [sg-0123456789abcdef0]\n"
                + "    compute: { fargate: { capacity: [{ provider: fargate-spot, weight: 1 }] } }\n"
                + "    traffic:\n      alb:");
        assertThat(changed).isNotEqualTo(fixture);
        Template before = Template.fromStack(TestEnvironments.stage("codedeploy", base, fixture).services().get("web"));
        Template after = Template.fromStack(TestEnvironments.stage("codedeploy", base, changed).services().get("web"));
        assertThat(after.findResources("AWS::ECS::Service")).isEqualTo(before.findResources("AWS::ECS::Service"));
        after.hasResourceProperties("Custom::CodeDeployDeployment", Map.of(
                "ContainerPort", 8081,
                "SecurityGroups", Match.arrayWith(List.of("sg-0123456789abcdef0")),
                "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1, "Base", 0))));
        after.hasResourceProperties("Custom::CodeDeployServiceShape", Map.of("ContainerPort", 8081));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources(Template template) {
        return (Map<String, Object>) template.toJSON().get("Resources");
    }
}
