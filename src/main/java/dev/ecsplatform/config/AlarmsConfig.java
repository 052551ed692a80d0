package dev.ecsplatform.config;

/**
 * The environment's alarms: where notifications go, and the thresholds every service's alarms use unless the service
 * sets its own ({@link ServiceAlarmsConfig}). The signals and why each threshold is what it is are in
 * {@code docs/deployments.md}, "Alarms, notifications and dashboards".
 */
@Doc("The alarms every service gets (see [alarms, notifications and dashboards](deployments.md#alarms-notifications-and-dashboards)): "
        + "the thresholds below apply to every service that does not set its own under `services.<name>.alarms`, and every "
        + "alarm notifies the environment's SNS topic when it goes into and out of alarm.")
public record AlarmsConfig(
        @Default("{}")
        @Doc("Who the alarm topic notifies.")
        AlarmNotificationsConfig notifications,

        @Range(min = 1, max = 100)
        @Default(value = AlarmThresholds.SERVER_ERROR_PERCENT, prod = AlarmThresholds.SERVER_ERROR_PERCENT_PROD)
        @Doc(AlarmThresholds.SERVER_ERROR_PERCENT_DOC)
        int serverErrorPercent,

        @Range(min = 1, max = 1000000)
        @Default(AlarmThresholds.MINIMUM_REQUESTS_PER_MINUTE)
        @Doc(AlarmThresholds.MINIMUM_REQUESTS_PER_MINUTE_DOC)
        int minimumRequestsPerMinute,

        @Range(min = 10, max = 300000)
        @Default(AlarmThresholds.P99_RESPONSE_TIME_MILLIS)
        @Doc(AlarmThresholds.P99_RESPONSE_TIME_MILLIS_DOC)
        int p99ResponseTimeMillis,

        @Range(min = 1, max = 1000)
        @Default(AlarmThresholds.UNHEALTHY_HOSTS)
        @Doc(AlarmThresholds.UNHEALTHY_HOSTS_DOC)
        int unhealthyHosts,

        @Range(min = 1, max = 60)
        @Default(value = AlarmThresholds.TASKS_BELOW_DESIRED_MINUTES, prod = AlarmThresholds.TASKS_BELOW_DESIRED_MINUTES_PROD)
        @Doc(AlarmThresholds.TASKS_BELOW_DESIRED_MINUTES_DOC)
        int tasksBelowDesiredMinutes,

        @Range(min = 1, max = 100)
        @Default(AlarmThresholds.CPU_PERCENT)
        @Doc(value = AlarmThresholds.CPU_PERCENT_DOC, rules = AlarmThresholds.CPU_PERCENT_RULE)
        int cpuPercent,

        @Range(min = 1, max = 100)
        @Default(AlarmThresholds.MEMORY_PERCENT)
        @Doc(AlarmThresholds.MEMORY_PERCENT_DOC)
        int memoryPercent) {
}
