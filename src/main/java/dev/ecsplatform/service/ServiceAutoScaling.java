package dev.ecsplatform.service;

import dev.ecsplatform.config.ScalingConfig;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.constructs.Construct;

/**
 * Keeps a service's task count between its minimum and maximum, tracking average CPU.
 * Scale-out reacts within a minute; scale-in waits five so a short lull does not stop tasks that
 * are needed again moments later.
 *
 * <p>ECS creates a service without a desired count with one task, and Application Auto Scaling
 * raises a count below the minimum only when a scale-out alarm fires, which on a quiet new service
 * may be never: prod would run one task in one AZ. A scheduled action re-asserts the bounds every
 * few minutes; at its time, Application Auto Scaling scales a count below the minimum up to it
 * (PutScheduledAction, ScalableTargetAction) and leaves a count inside the bounds alone.
 */
public final class ServiceAutoScaling extends Construct {

    private static final Duration SCALE_OUT_COOLDOWN = Duration.seconds(60);
    private static final Duration SCALE_IN_COOLDOWN = Duration.seconds(300);
    private static final Duration ENSURE_MINIMUM_EVERY = Duration.minutes(5);

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
        taskCount.scaleOnSchedule("EnsureMinimum", ScalingSchedule.builder()
                .schedule(Schedule.rate(ENSURE_MINIMUM_EVERY))
                .minCapacity(config.minTasks())
                .maxCapacity(config.maxTasks())
                .build());
    }

    /** The scalable task count, for adding further policies. */
    public ScalableTaskCount taskCount() {
        return taskCount;
    }
}
