package dev.ecsplatform.config;

/** The load balancer's check of a target group, which decides when a new task takes traffic. */
@Doc("The load balancer's check, which decides when a new task takes traffic.")
public record TargetHealthCheckConfig(
        @Default("/")
        @Matches(regex = CommonFieldValues.HEALTH_CHECK_PATH, problem = "is not allowed",
                allowed = CommonFieldValues.HEALTH_CHECK_PATH_ALLOWED + " (the path is put into the container's "
                        + "shell health-check command and the ALB health check)")
        @Doc("The HTTP path the load balancer checks; also what the default container check requests.")
        String path,

        @Default("200-399")
        @Matches(regex = "[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*", problem = "is not a list of HTTP codes",
                allowed = "codes and ranges such as 200, 200-299 or 200,302")
        @Doc("HTTP codes that count as healthy.")
        String successCodes,

        @Range(min = 5, max = 300)
        @Default(CommonFieldValues.HEALTH_CHECK_INTERVAL_SECONDS)
        @Doc(value = "Seconds between checks (ELB default 30).", rules = "greater than `timeoutSeconds`")
        int intervalSeconds,

        @Range(min = 2, max = 120)
        @Default(CommonFieldValues.HEALTH_CHECK_TIMEOUT_SECONDS)
        @Doc(value = "Seconds before a check fails.", rules = "less than `intervalSeconds`")
        int timeoutSeconds,

        @Range(min = 2, max = 10)
        @Default(CommonFieldValues.HEALTH_CHECK_THRESHOLD)
        @Doc("Consecutive passes before a task takes traffic (ELB default 5).")
        int healthyThreshold,

        @Range(min = 2, max = 10)
        @Default(CommonFieldValues.HEALTH_CHECK_THRESHOLD)
        @Doc("Consecutive failures before a task is taken out.")
        int unhealthyThreshold) {
}
