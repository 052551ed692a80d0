package dev.ecsplatform.service;

import dev.ecsplatform.config.ScalingConfig;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.BasicTargetTrackingScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.PredefinedMetric;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.ServiceNamespace;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * Keeps a service's task count between its minimum and maximum, tracking average CPU.
 * Scale-out reacts within a minute; scale-in waits five so a short lull does not stop tasks that
 * are needed again moments later.
 *
 * <p>ECS creates a service without a desired count with one task. Registering the scalable target
 * then brings the count inside [min, max] at once: RegisterScalableTarget "changes the resource's
 * current capacity to a value that is inside of this range" whenever the target is created or its
 * bounds are updated (Application Auto Scaling API reference). So a new prod service reaches its
 * minimum without any scheduled action, and nothing later reverts what an operator or a scheduled
 * scaling plan sets inside the bounds (ADR 0004).
 */
public final class ServiceAutoScaling extends Construct {

    private static final Duration SCALE_OUT_COOLDOWN = Duration.seconds(60);
    private static final Duration SCALE_IN_COOLDOWN = Duration.seconds(300);

    /**
     * Inputs of the autoscaling.
     *
     * @param config  the scaling settings
     * @param service the service to scale
     */
    public record Props(ScalingConfig config, BaseService service) {
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
    }

    /** The scalable target, for adding further policies. */
    public ScalableTarget target() {
        return target;
    }
}
