package dev.ecsplatform.config;

import java.util.function.ToIntFunction;

/**
 * One service's alarm thresholds: each the environment's ({@link AlarmsConfig}) unless the service sets its own, so the
 * effective config ({@code print-config}) shows every service's thresholds as they are.
 */
@Doc("The service's own alarm thresholds; each one left out is the environment's, under `alarms`.")
public record ServiceAlarmsConfig(
        @Range(min = 1, max = 100)
        @Default(computed = "defaultServerErrorPercent", means = "the environment's `alarms.serverErrorPercent`")
        @Doc(AlarmThresholds.SERVER_ERROR_PERCENT_DOC)
        int serverErrorPercent,

        @Range(min = 1, max = 1000000)
        @Default(computed = "defaultMinimumRequestsPerMinute", means = "the environment's `alarms.minimumRequestsPerMinute`")
        @Doc(AlarmThresholds.MINIMUM_REQUESTS_PER_MINUTE_DOC)
        int minimumRequestsPerMinute,

        @Range(min = 10, max = 300000)
        @Default(computed = "defaultP99ResponseTimeMillis", means = "the environment's `alarms.p99ResponseTimeMillis`")
        @Doc(AlarmThresholds.P99_RESPONSE_TIME_MILLIS_DOC)
        int p99ResponseTimeMillis,

        @Range(min = 1, max = 1000)
        @Default(computed = "defaultUnhealthyHosts", means = "the environment's `alarms.unhealthyHosts`")
        @Doc(AlarmThresholds.UNHEALTHY_HOSTS_DOC)
        int unhealthyHosts,

        @Range(min = 1, max = 60)
        @Default(computed = "defaultTasksBelowDesiredMinutes", means = "the environment's `alarms.tasksBelowDesiredMinutes`")
        @Doc(AlarmThresholds.TASKS_BELOW_DESIRED_MINUTES_DOC)
        int tasksBelowDesiredMinutes,

        @Range(min = 1, max = 100)
        @Default(computed = "defaultCpuPercent", means = "the environment's `alarms.cpuPercent`")
        @Doc(value = AlarmThresholds.CPU_PERCENT_DOC, rules = AlarmThresholds.CPU_PERCENT_RULE)
        int cpuPercent,

        @Range(min = 1, max = 100)
        @Default(computed = "defaultMemoryPercent", means = "the environment's `alarms.memoryPercent`")
        @Doc(AlarmThresholds.MEMORY_PERCENT_DOC)
        int memoryPercent) {

    static int defaultServerErrorPercent(DefaultContext context) {
        return environment(context, AlarmsConfig::serverErrorPercent);
    }

    static int defaultMinimumRequestsPerMinute(DefaultContext context) {
        return environment(context, AlarmsConfig::minimumRequestsPerMinute);
    }

    static int defaultP99ResponseTimeMillis(DefaultContext context) {
        return environment(context, AlarmsConfig::p99ResponseTimeMillis);
    }

    static int defaultUnhealthyHosts(DefaultContext context) {
        return environment(context, AlarmsConfig::unhealthyHosts);
    }

    static int defaultTasksBelowDesiredMinutes(DefaultContext context) {
        return environment(context, AlarmsConfig::tasksBelowDesiredMinutes);
    }

    static int defaultCpuPercent(DefaultContext context) {
        return environment(context, AlarmsConfig::cpuPercent);
    }

    static int defaultMemoryPercent(DefaultContext context) {
        return environment(context, AlarmsConfig::memoryPercent);
    }

    /**
     * The environment's threshold: {@code alarms} is bound before {@code services} (see {@link EnvironmentConfig}). When
     * the environment's value was itself rejected, the loader reports that and throws before anything reads this one.
     */
    private static int environment(DefaultContext context, ToIntFunction<AlarmsConfig> threshold) {
        Object alarms = context.root("alarms");
        return alarms instanceof AlarmsConfig config ? threshold.applyAsInt(config) : 0;
    }
}
