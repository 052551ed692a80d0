package dev.ecsplatform.config;

import java.util.Optional;

/**
 * How requests reach a service: any subset of the traffic variants (today a route on a shared ALB; an NLB
 * listener joins it in issue 8). None at all is a worker.
 */
@Doc("How requests reach the service. Each key is one way in; a service may have several, or none (a worker).")
public record TrafficConfig(
        @Doc(value = "A route on a shared Application Load Balancer: a listener rule that forwards matching requests to "
                + "the service's own target group.", omitted = "no ALB route")
        Optional<AlbRouteConfig> alb) {

    /** Whether no traffic reaches the service: a worker. */
    public boolean isNone() {
        return alb.isEmpty();
    }
}
