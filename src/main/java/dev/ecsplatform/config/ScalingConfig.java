package dev.ecsplatform.config;

/** Task count and CPU target-tracking autoscaling. */
@Doc("The service starts with `minTasks` tasks; CPU target-tracking autoscaling owns the count from then on.")
public record ScalingConfig(
        @Range(min = 1, max = 1000)
        @Default(value = "1", prod = "2")
        @Doc(value = "The fewest tasks.", rules = "prod: 2 or more")
        int minTasks,

        @Range(min = 1, max = 1000)
        @Default(computed = "defaultMaxTasks", means = "4 x `minTasks`, at most 1000")
        @Doc(value = "The most tasks.", rules = "`minTasks` or more")
        int maxTasks,

        @Range(min = 10, max = 90)
        @Default("70")
        @Doc("Average CPU utilization autoscaling keeps the service at.")
        int cpuTargetPercent) {

    static int defaultMaxTasks(DefaultContext context) {
        return Math.min(1000, context.sibling("minTasks", Integer.class) * 4);
    }
}
