package dev.ecsplatform.service;

import dev.ecsplatform.config.ScalingConfig;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
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
    public record Props(ScalingConfig config, FargateService service) {
    }

    private final ScalableTaskCount taskCount;

    public ServiceAutoScaling(Construct scope, String id, Props props) {
        super(scope, id);
        ScalingConfig config = props.config();
        this.taskCount = props.service().autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(config.minTasks())
                .maxCapacity(config.maxTasks())
                .build());
        taskCount.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(config.cpuTargetPercent())
                .scaleOutCooldown(SCALE_OUT_COOLDOWN)
                .scaleInCooldown(SCALE_IN_COOLDOWN)
                .build());
    }

    /** The scalable task count, for adding further policies. */
    public ScalableTaskCount taskCount() {
        return taskCount;
    }
}
