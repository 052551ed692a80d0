package dev.ecsplatform.config;

import java.util.List;

/**
 * How a service receives traffic from a shared load balancer: a listener rule that forwards
 * matching requests to the service's own target group.
 *
 * @param name                       the key of a load balancer under {@code loadBalancers}; required
 * @param paths                      path patterns the rule matches; omitted means {@code [/*]}
 * @param hosts                      host headers the rule matches; omitted means any host
 * @param priority                   the rule's priority, 1 to 50000, unique per load balancer (lower wins);
 *                                   omitted is allowed only when the service is alone on its load balancer, and means 100
 * @param deregistrationDelaySeconds how long a stopping task keeps serving in-flight requests, 0 to 3600;
 *                                   omitted means 30 (the ELB default of 300 makes every rollout wait 5 minutes per batch)
 */
public record RouteConfig(String name, List<String> paths, List<String> hosts, int priority, int deregistrationDelaySeconds) {

    public RouteConfig {
        paths = List.copyOf(paths);
        hosts = List.copyOf(hosts);
    }
}
