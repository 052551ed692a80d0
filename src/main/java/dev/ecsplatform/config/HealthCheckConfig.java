package dev.ecsplatform.config;

import java.util.List;

/**
 * Health checks. The load balancer's check decides when a new task takes traffic; the container's
 * check lets ECS replace a task that hangs.
 *
 * @param path                the HTTP path the load balancer checks; omitted means {@code /}
 * @param successCodes        HTTP codes that count as healthy, e.g. {@code 200} or {@code 200-399}; omitted means {@code 200-399}
 * @param intervalSeconds     seconds between checks, 5 to 300; omitted means 10 (ELB default 30)
 * @param timeoutSeconds      seconds before a check fails, 2 to 120 and less than the interval; omitted means 5
 * @param healthyThreshold    consecutive passes before a task takes traffic, 2 to 10; omitted means 2 (ELB default 5)
 * @param unhealthyThreshold  consecutive failures before a task is taken out, 2 to 10; omitted means 2
 * @param gracePeriodSeconds  seconds ECS ignores failing load-balancer checks after a task starts, 0 to 7200; omitted means 60
 * @param command             the container health-check command, run by the container's shell; omitted means
 *                            an HTTP GET of {@code path} on {@code localhost:port} with curl or, failing that, wget,
 *                            for a service behind a load balancer, and no container health check for a worker.
 *                            Images without a shell (distroless) must set it
 */
public record HealthCheckConfig(
        String path,
        String successCodes,
        int intervalSeconds,
        int timeoutSeconds,
        int healthyThreshold,
        int unhealthyThreshold,
        int gracePeriodSeconds,
        List<String> command) {

    public HealthCheckConfig {
        command = List.copyOf(command);
    }
}
