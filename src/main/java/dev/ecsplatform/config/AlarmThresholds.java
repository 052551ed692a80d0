package dev.ecsplatform.config;

/**
 * The alarm thresholds' defaults and descriptions, written once for the environment's {@link AlarmsConfig} and the
 * per-service {@link ServiceAlarmsConfig}, which take the same keys. Compile-time constants, as the annotations need.
 */
final class AlarmThresholds {

    private AlarmThresholds() {
    }

    /** Tighter in prod, where the alarm also rolls a bad deployment back before most users see it. */
    static final String SERVER_ERROR_PERCENT = "5";
    static final String SERVER_ERROR_PERCENT_PROD = "2";
    static final String SERVER_ERROR_PERCENT_DOC = "The share of requests, in percent, that may end in a 5xx from the "
            + "service's tasks (`HTTPCode_Target_5XX_Count` / `RequestCount`, summed over both target groups during a "
            + "blue/green deployment); above it in 3 of 4 minutes, the `<env>-<service>-5xx-rate` alarm fires and rolls "
            + "a deployment back. Only for services with `traffic.alb`.";

    /** Below 10 requests a minute one failure is 10%: too few to judge a version by. */
    static final String MINIMUM_REQUESTS_PER_MINUTE = "10";
    static final String MINIMUM_REQUESTS_PER_MINUTE_DOC = "A minute with fewer requests than this counts as good for the "
            + "5xx-rate and p99-latency alarms, so that one failed or slow request of a quiet service is not an outage. "
            + "Only for services with `traffic.alb`.";

    static final String P99_RESPONSE_TIME_MILLIS = "2000";
    static final String P99_RESPONSE_TIME_MILLIS_DOC = "The 99th percentile of the tasks' response time "
            + "(`TargetResponseTime`, the slower of both target groups during a blue/green deployment), in milliseconds; "
            + "above it in 3 of 4 minutes, the `<env>-<service>-p99-latency` alarm fires and rolls a deployment back. "
            + "Only for services with `traffic.alb`.";

    static final String UNHEALTHY_HOSTS = "1";
    static final String UNHEALTHY_HOSTS_DOC = "How many of the service's targets may fail the load balancer's health check "
            + "(`UnHealthyHostCount`, as every load balancer node sees it, summed over both target groups) before the "
            + "`<env>-<service>-unhealthy-hosts` alarm fires, in 2 of 3 minutes, and rolls a deployment back. Only for services "
            + "with `traffic.alb` or `traffic.nlb`.";

    /** A scale-out or a replaced task takes one to three minutes on Fargate; longer is a capacity or start-up problem. */
    static final String TASKS_BELOW_DESIRED_MINUTES = "10";
    static final String TASKS_BELOW_DESIRED_MINUTES_PROD = "5";
    static final String TASKS_BELOW_DESIRED_MINUTES_DOC = "How many minutes, out of the last that many and one more, "
            + "the service may run fewer tasks than it wants (Container Insights' `RunningTaskCount` below "
            + "`DesiredTaskCount`) before the "
            + "`<env>-<service>-tasks-below-desired` alarm fires: tasks that crash, cannot pull their image or find no Fargate "
            + "capacity. It does not roll back; the circuit breaker stops a deployment whose tasks never start.";

    static final String CPU_PERCENT = "90";
    static final String CPU_PERCENT_DOC = "Average CPU utilization of the service's tasks, in percent of what they reserve, "
            + "that fires the `<env>-<service>-cpu-high` alarm after 5 minutes: autoscaling is not keeping up (it is at "
            + "`scaling.maxTasks`, or Fargate has no capacity). It does not roll back: load is not a property of a version.";
    static final String CPU_PERCENT_RULE = "above `scaling.cpuTargetPercent`, which autoscaling keeps the service at";

    static final String MEMORY_PERCENT = "90";
    static final String MEMORY_PERCENT_DOC = "Average memory utilization of the service's tasks, in percent of what they "
            + "reserve, that fires the `<env>-<service>-memory-high` alarm after 5 minutes; a task that reaches 100% is "
            + "stopped by ECS. It does not roll back.";
}
