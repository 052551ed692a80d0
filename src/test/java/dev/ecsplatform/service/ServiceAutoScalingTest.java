package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.config.AlbRouteConfig;
import dev.ecsplatform.config.ScalingConfig;
import dev.ecsplatform.loadbalancing.ImportedLoadBalancer;
import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.TestEnvironments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentStrategy;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerAttributes;

/**
 * Autoscaling between the configured bounds: CPU always; memory, requests per task, step scaling and schedules when
 * configured (fixture {@code scaling}); and the request signal over both target groups when a deployment shifts
 * traffic (a stack built here with {@link TrafficShift#ECS}, as a blue/green kind of deployment asks for).
 */
class ServiceAutoScalingTest {

    private final Template web = Fixtures.service("scaling", "web");
    private final Template worker = Fixtures.service("scaling", "worker");

    @Test
    void scalesBetweenTheConfiguredBounds() {
        Fixtures.service("dev", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 1, "MaxCapacity", 2, "ScalableDimension", "ecs:service:DesiredCount"));
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 3, "MaxCapacity", 12));
    }

    @Test
    void leavesTheCountInsideTheBoundsToOperatorsAndScheduledScaling() {
        // Registering the target already raises a new service to MinCapacity (RegisterScalableTarget); a
        // recurring scheduled action would only revert what operators set inside the bounds (ADR 0004).
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "ScheduledActions", Match.absent()));
    }

    @Test
    void tracksAverageCpuWithAsymmetricCooldowns() {
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "TargetValue", 60,
                        "ScaleOutCooldown", 60,
                        "ScaleInCooldown", 300,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
    }

    @Test
    void tracksOnlyCpuUnlessMoreIsConfigured() {
        Template dev = Fixtures.service("dev", "web");
        dev.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 1);
        assertThat(stepScalingAlarms(dev)).isEmpty();
    }

    @Test
    void tracksAverageMemoryWhenConfigured() {
        web.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "TargetValue", 80, "ScaleOutCooldown", 60, "ScaleInCooldown", 300,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageMemoryUtilization")))));
        // CPU, memory and requests: three target tracking policies on the one target
        web.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 3);
    }

    @Test
    void tracksRequestsPerHealthyTaskOfTheOneTargetGroupWithMissingRequestsAsZero() {
        List<Map<String, Object>> metrics = requestMetrics(web);

        assertThat(metrics).extracting(query -> query.get("Id")).containsExactly("requests0", "healthy0", "requestsPerTarget");
        assertThat(expression(metrics)).isEqualTo("FILL(requests0, 0) / healthy0");
        assertExactlyTheExpressionReturnsData(metrics);
        Map<String, Object> requests = metricStat(metrics, "requests0");
        assertThat(requests).containsEntry("Stat", "Sum");
        assertThat(metric(requests)).containsEntry("Namespace", "AWS/ApplicationELB").containsEntry("MetricName", "RequestCount");
        // Both dimensions, as ALB publishes its per-target-group metrics; the load balancer from the platform contract
        assertThat(dimensions(requests)).containsOnlyKeys("LoadBalancer", "TargetGroup");
        assertThat(dimensions(requests).get("LoadBalancer")).isEqualTo(
                Map.of("Fn::ImportValue", "scaling-platform:LoadBalancer-public:FullName"));
        assertThat(dimensions(requests).get("TargetGroup").toString()).contains("TrafficTargetGroup", "TargetGroupFullName");
        assertThat(metric(metricStat(metrics, "healthy0"))).containsEntry("MetricName", "HealthyHostCount");
        assertThat(metricStat(metrics, "healthy0")).containsEntry("Stat", "Average");
        web.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyName", Match.stringLikeRegexp("ScalingRequests"),
                "ScalingTargetId", Map.of("Ref", Match.stringLikeRegexp("^ScalingTarget")),
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "TargetValue", 500, "ScaleOutCooldown", 60, "ScaleInCooldown", 300))));
    }

    @Test
    void sumsRequestsOverBothTargetGroupsAndDividesByTheFullerOneWhileADeploymentShiftsTraffic() {
        Template shifting = stackWithShiftingTraffic();
        List<Map<String, Object>> metrics = requestMetrics(shifting);

        assertThat(metrics).extracting(query -> query.get("Id"))
                .containsExactly("requests0", "healthy0", "requests1", "healthy1", "requestsPerTarget");
        // Both versions run at full size during a blue/green kind of deployment, so the sum of healthy targets would
        // halve the signal; the fuller group's count is the service's size before, during and after the shift.
        assertThat(expression(metrics))
                .isEqualTo("(FILL(requests0, 0) + FILL(requests1, 0)) / MAX([FILL(healthy0, 0), FILL(healthy1, 0)])");
        assertExactlyTheExpressionReturnsData(metrics);
        assertThat(dimensions(metricStat(metrics, "requests0")).get("TargetGroup").toString()).contains("TrafficTargetGroup");
        assertThat(dimensions(metricStat(metrics, "requests1")).get("TargetGroup").toString()).contains("TrafficAlternateTargetGroup");
        assertThat(dimensions(metricStat(metrics, "healthy1")).get("TargetGroup").toString()).contains("TrafficAlternateTargetGroup");
        assertThat(dimensions(metricStat(metrics, "requests1")).get("LoadBalancer")).isEqualTo("app/shared/0123456789abcdef");
    }

    @Test
    void stepsScaleOutAboveAndInBelowTheRangeWhereNothingChanges() {
        // GIVEN steps: below 10 remove one; 100 to 500 add one; 500 and more add three; 10 to 100 nothing
        worker.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", "scaling-jobs")),
                "Statistic", "Maximum", "Period", 60, "EvaluationPeriods", 2,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold", "Threshold", 100,
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("^ScalingTargetStepsUpperPolicy")))));
        worker.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "ComparisonOperator", "LessThanOrEqualToThreshold", "Threshold", 10, "EvaluationPeriods", 2,
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("^ScalingTargetStepsLowerPolicy")))));
        // Bounds relative to each alarm's threshold, one open end each, as Application Auto Scaling requires
        worker.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "StepScaling",
                "StepScalingPolicyConfiguration", Map.of(
                        "AdjustmentType", "ChangeInCapacity", "Cooldown", 120, "MetricAggregationType", "Maximum",
                        "StepAdjustments", List.of(
                                Map.of("MetricIntervalLowerBound", 0, "MetricIntervalUpperBound", 400, "ScalingAdjustment", 1),
                                Map.of("MetricIntervalLowerBound", 400, "ScalingAdjustment", 3)))));
        worker.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "StepScaling",
                "StepScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "StepAdjustments", List.of(Map.of("MetricIntervalUpperBound", 0, "ScalingAdjustment", -1))))));
        assertThat(stepScalingAlarms(worker)).hasSize(2);
    }

    @Test
    void schedulesSetBothBoundsInTheirTimeZoneInNameOrder() {
        web.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 1, "MaxCapacity", 6,
                "ScheduledActions", List.of(
                        Map.of("ScheduledActionName", "launch", "Schedule", "at(2027-01-15T18:00:00)",
                                "ScalableTargetAction", Map.of("MinCapacity", 4, "MaxCapacity", 6)),
                        Map.of("ScheduledActionName", "start", "Schedule", "cron(0 7 ? * MON-FRI *)", "Timezone", "Europe/Dublin",
                                "ScalableTargetAction", Map.of("MinCapacity", 1, "MaxCapacity", 6)),
                        Map.of("ScheduledActionName", "stop", "Schedule", "cron(0 20 ? * MON-FRI *)", "Timezone", "Europe/Dublin",
                                "ScalableTargetAction", Map.of("MinCapacity", 0, "MaxCapacity", 0)))));
    }

    @Test
    void aWorkerWithoutSchedulesHasNone() {
        worker.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("ScheduledActions", Match.absent()));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /**
     * A service behind an ALB route whose deployment shifts traffic between two target groups: what ServiceStack
     * builds for a blue/green kind of deployment, made here from the seams directly (traffic attached with
     * {@link TrafficShift#ECS}, then the scaling given its {@code loadBalanced()} ways in).
     */
    private static Template stackWithShiftingTraffic() {
        App app = new App();
        Stack stack = new Stack(app, "Shifting");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();
        Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).build();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, "Task").build();
        task.addContainer("web", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine"))
                .portMappings(List.of(PortMapping.builder().containerPort(8080).build()))
                .build());
        FargateService service = FargateService.Builder.create(stack, "Service").cluster(cluster).taskDefinition(task)
                .deploymentStrategy(DeploymentStrategy.BLUE_GREEN).build();
        ISecurityGroup loadBalancerGroup = SecurityGroup.fromSecurityGroupId(stack, "LoadBalancerGroup", "sg-0123456789abcdef0");
        ImportedLoadBalancer loadBalancer = new ImportedLoadBalancer(
                ApplicationListener.fromApplicationListenerAttributes(stack, "Listener", ApplicationListenerAttributes.builder()
                        .listenerArn("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shared/0123456789abcdef/fedcba9876543210")
                        .securityGroup(loadBalancerGroup)
                        .build()),
                Optional.empty(), false, loadBalancerGroup,
                SecurityGroup.fromSecurityGroupId(stack, "TargetsGroup", "sg-0fedcba9876543210"),
                "shared-123.eu-west-1.elb.amazonaws.com", "Z32O12XQLNTSW2", "app/shared/0123456789abcdef");
        AlbRoute route = new AlbRoute(stack, "Traffic", new AlbRoute.Props(albRoute(), 60, 8080, vpc, loadBalancer));
        SecurityGroup tasks = SecurityGroup.Builder.create(stack, "TaskGroup").vpc(vpc).build();
        route.attach(service, tasks, TrafficShift.ECS);
        new ServiceAutoScaling(stack, "Scaling", new ServiceAutoScaling.Props(
                new ScalingConfig(1, 4, 70, Optional.empty(), Optional.of(500), Optional.empty(), Map.of()), service,
                route.loadBalanced()));
        return Template.fromStack(stack);
    }

    /** The route config of a minimal dev environment: the loader's defaults, as a team would get them. */
    private static AlbRouteConfig albRoute() {
        return TestEnvironments.load("dev", "owner: test-team\n", TestEnvironments.minimal("dev"))
                .services().get("web").traffic().alb().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> requestMetrics(Template template) {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::ApplicationAutoScaling::ScalingPolicy");
        List<Map<String, Object>> customized = policies.values().stream()
                .map(policy -> (Map<String, Object>) policy.get("Properties"))
                .map(properties -> (Map<String, Object>) properties.get("TargetTrackingScalingPolicyConfiguration"))
                .filter(configuration -> configuration != null && configuration.containsKey("CustomizedMetricSpecification"))
                .map(configuration -> (Map<String, Object>) configuration.get("CustomizedMetricSpecification"))
                .toList();
        assertThat(customized).hasSize(1);
        return (List<Map<String, Object>>) customized.get(0).get("Metrics");
    }

    /** Application Auto Scaling: ReturnData true on the final expression only, false on everything it uses. */
    private static void assertExactlyTheExpressionReturnsData(List<Map<String, Object>> metrics) {
        Map<Object, Object> returnData = metrics.stream().collect(Collectors.toMap(query -> query.get("Id"),
                query -> query.get("ReturnData")));
        assertThat(returnData.entrySet()).filteredOn(entry -> Boolean.TRUE.equals(entry.getValue()))
                .extracting(Map.Entry::getKey).containsExactly("requestsPerTarget");
        assertThat(returnData.values()).allMatch(value -> value instanceof Boolean);
        // and either a metric or an expression in each query, never both
        assertThat(metrics).allMatch(query -> query.containsKey("Expression") != query.containsKey("MetricStat"));
    }

    private static String expression(List<Map<String, Object>> metrics) {
        return metrics.stream().filter(query -> query.containsKey("Expression")).map(query -> (String) query.get("Expression"))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metricStat(List<Map<String, Object>> metrics, String id) {
        return metrics.stream().filter(query -> id.equals(query.get("Id"))).map(query -> (Map<String, Object>) query.get("MetricStat"))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metric(Map<String, Object> metricStat) {
        return (Map<String, Object>) metricStat.get("Metric");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dimensions(Map<String, Object> metricStat) {
        return ((List<Map<String, Object>>) metric(metricStat).get("Dimensions")).stream()
                .collect(Collectors.toMap(dimension -> (String) dimension.get("Name"), dimension -> dimension.get("Value")));
    }

    /** The alarms step scaling makes: CDK names them, unlike the service's own alarms (ServiceAlarms), which have literal names. */
    @SuppressWarnings("unchecked")
    private static List<String> stepScalingAlarms(Template template) {
        Map<String, Map<String, Object>> alarms = (Map<String, Map<String, Object>>) (Map<String, ?>) template.findResources("AWS::CloudWatch::Alarm");
        return alarms.entrySet().stream()
                .filter(alarm -> !((Map<String, Object>) alarm.getValue().get("Properties")).containsKey("AlarmName"))
                .map(Map.Entry::getKey).toList();
    }
}
