package dev.ecsplatform.config;

/**
 * Task count and CPU target-tracking autoscaling. The service starts with {@code minTasks} tasks and
 * autoscaling owns the count from then on.
 *
 * @param minTasks         the fewest tasks, 1 to 1000; omitted means 1, or 2 in prod (prod requires 2 or more)
 * @param maxTasks         the most tasks, at least {@code minTasks}, at most 1000; omitted means four times {@code minTasks}, capped at 1000
 * @param cpuTargetPercent average CPU utilization autoscaling keeps the service at, 10 to 90; omitted means 70
 */
public record ScalingConfig(int minTasks, int maxTasks, int cpuTargetPercent) {
}
