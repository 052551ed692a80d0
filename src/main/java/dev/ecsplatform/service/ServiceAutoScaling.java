package dev.ecsplatform.service;

import dev.ecsplatform.config.LoadBalancerType;
import dev.ecsplatform.config.ScalingConfig;
import dev.ecsplatform.config.ScalingStepConfig;
import dev.ecsplatform.config.ScheduleConfig;
import dev.ecsplatform.config.StepScalingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.BasicTargetTrackingScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy;
import software.amazon.awscdk.services.applicationautoscaling.PredefinedMetric;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.applicationautoscaling.ServiceNamespace;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetGroupBase;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * Keeps a service's task count between its minimum and maximum: target tracking on average CPU (always), on average
 * memory and on ALB requests per task (when configured), step scaling on a metric from config, and scheduled actions
 * that change the bounds. Target tracking scales out within a minute; scale-in waits five so a short lull does not
 * stop tasks that are needed again moments later.
 *
 * <p>ECS creates a service without a desired count with one task. Registering the scalable target
 * then brings the count inside [min, max] at once: RegisterScalableTarget "changes the resource's
 * current capacity to a value that is inside of this range" whenever the target is created or its
 * bounds are updated (Application Auto Scaling API reference). So a new prod service reaches its
 * minimum without any scheduled action, and nothing later reverts what an operator or a scheduled
 * scaling plan sets inside the bounds (ADR 0004). The same call is why a stack update that changes the scalable target
 * (its bounds or its schedules) applies the configured bounds again until the next schedule runs.
 *
 * <p>The request signal stays meaningful while a blue/green kind of deployment runs two target groups
 * (docs/deployments.md, "Autoscaling during deployments"): it is the requests of both groups divided by the healthy
 * targets of the fuller one, a metric math expression, which aws-cdk-lib's target tracking cannot take, hence the L1
 * policy.
 */
public final class ServiceAutoScaling extends Construct {

    private static final Duration SCALE_OUT_COOLDOWN = Duration.seconds(60);
    private static final Duration SCALE_IN_COOLDOWN = Duration.seconds(300);

    /**
     * Inputs of the autoscaling.
     *
     * @param config  the scaling settings
     * @param service the service to scale
     * @param traffic the service's ways in through load balancers, after the traffic binding attached it: the
     *                application one (with its alternate target group, when a deployment shifts traffic) gives the
     *                request signal
     */
    public record Props(ScalingConfig config, BaseService service, List<LoadBalancedTraffic> traffic) {
        public Props {
            traffic = List.copyOf(traffic);
        }
    }

    private final ScalableTarget target;

    public ServiceAutoScaling(Construct scope, String id, Props props) {
        super(scope, id);
        ScalingConfig config = props.config();
        Stack stack = Stack.of(this);
        // Made here rather than with service.autoScaleTaskCount(), which would put the target under the service's
        // path: the scaling resources belong to this construct, whatever the kind of service. Application Auto
        // Scaling acts through its service-linked role for ECS, as autoScaleTaskCount would have it.
        this.target = ScalableTarget.Builder.create(this, "Target")
                .serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId("service/" + props.service().getCluster().getClusterName() + "/" + props.service().getServiceName())
                .minCapacity(config.minTasks())
                .maxCapacity(config.maxTasks())
                .role(Role.fromRoleArn(this, "ServiceLinkedRole", "arn:" + stack.getPartition() + ":iam::" + stack.getAccount()
                        + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService"))
                .build();
        target.scaleToTrackMetric("Cpu", BasicTargetTrackingScalingPolicyProps.builder()
                .predefinedMetric(PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                .targetValue(config.cpuTargetPercent())
                .scaleOutCooldown(SCALE_OUT_COOLDOWN)
                .scaleInCooldown(SCALE_IN_COOLDOWN)
                .build());
        config.memoryTargetPercent().ifPresent(percent -> target.scaleToTrackMetric("Memory",
                BasicTargetTrackingScalingPolicyProps.builder()
                        .predefinedMetric(PredefinedMetric.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION)
                        .targetValue(percent)
                        .scaleOutCooldown(SCALE_OUT_COOLDOWN)
                        .scaleInCooldown(SCALE_IN_COOLDOWN)
                        .build()));
        config.requestsPerTarget().ifPresent(requests -> {
            LoadBalancedTraffic alb = props.traffic().stream().filter(way -> way.type() == LoadBalancerType.APPLICATION)
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "requestsPerTarget needs an ALB route; the config rules reject it without one"));
            requestTracking(alb, requests);
        });
        config.stepScaling().ifPresent(this::stepScaling);
        // Sorted by name: the config's map has no order, and the template must not change from one synth to the next.
        new TreeMap<>(config.schedules()).forEach(this::schedule);
    }

    /**
     * Target tracking of requests per healthy task over the route's target groups: one normally, two while a blue/green
     * kind of deployment can run both. The count of the fuller group stands for the service's size, because ECS starts
     * the new version at full size next to the old one: dividing by both groups' targets would halve the signal during
     * every deployment, and dividing by one group would miss the requests that reach the other. Missing request data
     * (ALB publishes RequestCount only for minutes with requests) counts as 0, so an idle service reads 0 and lets the
     * other policies scale in: with no data at all target tracking would never agree to scale in.
     */
    private CfnScalingPolicy requestTracking(LoadBalancedTraffic alb, int requestsPerTarget) {
        List<TargetGroupBase> groups = new ArrayList<>();
        groups.add(alb.primary());
        alb.alternate().ifPresent(groups::add);
        List<CfnScalingPolicy.TargetTrackingMetricDataQueryProperty> queries = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            TargetGroupBase group = groups.get(i);
            String which = i == 0 ? "primary" : "alternate";
            queries.add(albQuery("requests" + i, "RequestCount", "Sum", alb.loadBalancerFullName(), group,
                    "Requests to the " + which + " target group"));
            queries.add(albQuery("healthy" + i, "HealthyHostCount", "Average", alb.loadBalancerFullName(), group,
                    "Healthy targets of the " + which + " target group"));
            requests.add("FILL(requests" + i + ", 0)");
            healthy.add("FILL(healthy" + i + ", 0)");
        }
        String expression = groups.size() == 1
                ? requests.get(0) + " / healthy0"
                : "(" + String.join(" + ", requests) + ") / MAX([" + String.join(", ", healthy) + "])";
        queries.add(CfnScalingPolicy.TargetTrackingMetricDataQueryProperty.builder()
                .id("requestsPerTarget")
                .expression(expression)
                .label("Requests per healthy task")
                .returnData(true)
                .build());
        // Laid out and named like CDK's own target tracking policies: a construct with the resource under it, named by
        // the construct's path, so the name is unique within the account and region.
        Construct requestsScope = new Construct(this, "Requests");
        return CfnScalingPolicy.Builder.create(requestsScope, "Resource")
                .policyName(Names.uniqueId(requestsScope))
                .policyType("TargetTrackingScaling")
                .scalingTargetId(target.getScalableTargetId())
                .targetTrackingScalingPolicyConfiguration(CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty.builder()
                        .targetValue(requestsPerTarget)
                        .scaleOutCooldown((int) SCALE_OUT_COOLDOWN.toSeconds())
                        .scaleInCooldown((int) SCALE_IN_COOLDOWN.toSeconds())
                        .customizedMetricSpecification(CfnScalingPolicy.CustomizedMetricSpecificationProperty.builder()
                                .metrics(queries)
                                .build())
                        .build())
                .build();
    }

    /** One ALB target group metric: ALB publishes per-target-group metrics with both dimensions, never the group alone. */
    private static CfnScalingPolicy.TargetTrackingMetricDataQueryProperty albQuery(String id, String metricName, String stat,
            String loadBalancerFullName, TargetGroupBase group, String label) {
        return CfnScalingPolicy.TargetTrackingMetricDataQueryProperty.builder()
                .id(id)
                .label(label)
                .returnData(false)
                .metricStat(CfnScalingPolicy.TargetTrackingMetricStatProperty.builder()
                        .stat(stat)
                        .metric(CfnScalingPolicy.TargetTrackingMetricProperty.builder()
                                .namespace(LoadBalancerType.APPLICATION.metricNamespace())
                                .metricName(metricName)
                                .dimensions(List.of(
                                        CfnScalingPolicy.TargetTrackingMetricDimensionProperty.builder()
                                                .name("LoadBalancer").value(loadBalancerFullName).build(),
                                        CfnScalingPolicy.TargetTrackingMetricDimensionProperty.builder()
                                                .name("TargetGroup").value(group.getTargetGroupFullName()).build()))
                                .build())
                        .build())
                .build();
    }

    /**
     * CDK's step scaling: one alarm and policy for the steps above the range where nothing changes, one for those
     * below it. The config rules have already checked what CDK and Application Auto Scaling require of the steps.
     */
    private void stepScaling(StepScalingConfig config) {
        List<ScalingInterval> intervals = new ArrayList<>();
        for (ScalingStepConfig step : config.steps()) {
            ScalingInterval.Builder interval = ScalingInterval.builder().change(step.change());
            step.lower().ifPresent(interval::lower);
            step.upper().ifPresent(interval::upper);
            intervals.add(interval.build());
        }
        target.scaleOnMetric("Steps", BasicStepScalingPolicyProps.builder()
                .metric(Metric.Builder.create()
                        .namespace(config.metric().namespace())
                        .metricName(config.metric().name())
                        .dimensionsMap(new TreeMap<>(config.metric().dimensions()))
                        .statistic(config.metric().statistic().cloudWatchName())
                        .period(Duration.seconds(config.metric().periodSeconds()))
                        .build())
                .scalingSteps(intervals)
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .cooldown(Duration.seconds(config.cooldownSeconds()))
                .evaluationPeriods(config.evaluationPeriods())
                .build());
    }

    /** A scheduled action named after its config key, setting both bounds, so what it sets never depends on another. */
    private void schedule(String name, ScheduleConfig config) {
        ScalingSchedule.Builder schedule = ScalingSchedule.builder()
                .schedule(Schedule.expression(config.schedule()))
                .minCapacity(config.minTasks())
                .maxCapacity(config.maxTasks());
        config.timeZone().ifPresent(zone -> schedule.timeZone(TimeZone.of(zone)));
        target.scaleOnSchedule(name, schedule.build());
    }

    /** The scalable target, for adding further policies. */
    public ScalableTarget target() {
        return target;
    }

}
