package dev.ecsplatform.config;

import java.util.Optional;

/** The Network Load Balancer's check of a service's targets. */
@Doc("The Network Load Balancer's check of the service's tasks, which decides when a new task takes connections.")
public record NlbHealthCheckConfig(
        @Default("tcp")
        @Doc("`tcp` opens a connection; `http` requests `path` and expects a 200-399 answer.")
        NlbHealthCheckProtocol protocol,

        @Range(min = 1, max = 65535)
        @Doc(value = "The container port the check goes to.", rules = "required with `udp` or `tcp_udp`: a UDP target "
                + "is checked over TCP or HTTP, on a port the container serves", omitted = "the traffic port (`port` of the "
                + "service)")
        Optional<Integer> port,

        @Default("/")
        @Matches(regex = CommonFieldValues.HEALTH_CHECK_PATH, problem = "is not allowed",
                allowed = CommonFieldValues.HEALTH_CHECK_PATH_ALLOWED)
        @Doc(value = "The path an `http` check requests.", rules = "only with `protocol: http`")
        String path,

        @Range(min = 5, max = 300)
        @Default(CommonFieldValues.HEALTH_CHECK_INTERVAL_SECONDS)
        @Doc("Seconds between checks (ELB default 30).")
        int intervalSeconds,

        @Range(min = 2, max = 120)
        @Default(CommonFieldValues.HEALTH_CHECK_TIMEOUT_SECONDS)
        @Doc(value = "Seconds before a check fails. Written out because ELB's defaults (10 s for TCP, 6 s for HTTP) are not "
                + "less than a 10 s interval, which ELB requires.", rules = "less than `intervalSeconds`")
        int timeoutSeconds,

        @Range(min = 2, max = 10)
        @Default(CommonFieldValues.HEALTH_CHECK_THRESHOLD)
        @Doc("Consecutive passes before a task takes connections (ELB default 5).")
        int healthyThreshold,

        @Range(min = 2, max = 10)
        @Default(CommonFieldValues.HEALTH_CHECK_THRESHOLD)
        @Doc("Consecutive failures before a task is taken out.")
        int unhealthyThreshold) {
}
