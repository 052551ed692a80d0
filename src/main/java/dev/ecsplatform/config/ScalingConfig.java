package dev.ecsplatform.config;

import java.util.Map;
import java.util.Optional;

/**
 * The task count: its bounds, the target tracking on CPU (always), memory and ALB requests per task (each optional),
 * step scaling on a metric of the team's choice, and schedules that change the bounds (e.g. dev stopped at night).
 */
@Doc("The service starts with `minTasks` tasks; from then on autoscaling owns the count within the bounds: target "
        + "tracking on CPU always, on memory and on ALB requests per task when set, step scaling on a metric of your "
        + "choice when set, and schedules that change the bounds at given times. With several policies Application "
        + "Auto Scaling adds tasks when any policy asks for more, and removes tasks only when every target tracking "
        + "policy agrees. See [autoscaling during deployments](deployments.md#autoscaling-during-deployments).")
public record ScalingConfig(
        @Range(min = 1, max = 1000)
        @Default(value = "1", prod = "2")
        @Doc(value = "The fewest tasks, which a stack deployment sets. At least 1, because nothing would start a service "
                + "deployed without tasks (no task, no metric to scale out on); only a schedule can stop a service, and "
                + "another schedule starts it again.",
                rules = "prod: 2 or more")
        int minTasks,

        @Range(min = 1, max = 1000)
        @Default(computed = "defaultMaxTasks", means = "4 x `minTasks`, at most 1000")
        @Doc(value = "The most tasks, which a stack deployment sets.", rules = "`minTasks` or more")
        int maxTasks,

        @Range(min = 10, max = 90)
        @Default("70")
        @Doc("Average CPU utilization autoscaling keeps the service at.")
        int cpuTargetPercent,

        @Range(min = 10, max = 90)
        @Doc(value = "Average memory utilization autoscaling keeps the service at, for a service whose memory grows "
                + "with its load.", omitted = "no memory target tracking")
        Optional<Integer> memoryTargetPercent,

        @Range(min = 1, max = 1000000)
        @Doc(value = "Requests per minute per healthy task autoscaling keeps the service at: the requests of its ALB "
                + "target groups (both of them while a blue/green kind of deployment runs) divided by the healthy "
                + "tasks of the fuller group, so the signal does not halve while two versions run side by side.",
                rules = "only with `traffic.alb`", omitted = "no request target tracking")
        Optional<Integer> requestsPerTarget,

        @Doc(value = "Step scaling on a CloudWatch metric of your choice, e.g. a queue's backlog.",
                omitted = "no step scaling")
        Optional<StepScalingConfig> stepScaling,

        @Default("{}")
        @KeysMatch(regex = CommonFieldValues.NAME, problem = "is not a valid schedule name", allowed = CommonFieldValues.NAME_ALLOWED)
        @Doc(value = "Scheduled actions by name, each setting new task bounds at its time, e.g. dev and test stopped at "
                + "night and on weekends. A schedule with `minTasks: 0` and `maxTasks: 0` stops the service; another "
                + "schedule must start it again. Write schedules in the environment files rather than `base.yaml`: maps merge "
                + "key by key, so an environment cannot drop a schedule that `base.yaml` sets.",
                rules = "outside prod only may a schedule stop the service; one that does needs another with `minTasks` 1 or more")
        Map<String, ScheduleConfig> schedules) {

    public ScalingConfig {
        schedules = Map.copyOf(schedules);
    }

    static int defaultMaxTasks(DefaultContext context) {
        return Math.min(1000, context.sibling("minTasks", Integer.class) * 4);
    }

    /** Bounds and a CPU target only: no other policy and no schedule. */
    public static ScalingConfig cpuOnly(int minTasks, int maxTasks, int cpuTargetPercent) {
        return new ScalingConfig(minTasks, maxTasks, cpuTargetPercent, Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of());
    }
}
