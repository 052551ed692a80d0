package dev.ecsplatform.config;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How requests reach a service: any subset of the traffic variants, a route on a shared ALB and a listener
 * on a shared NLB. None at all is a worker.
 */
@Doc("How requests reach the service. Each key is one way in; a service may have several, or none (a worker).")
public record TrafficConfig(
        @Doc(value = "A route on a shared Application Load Balancer: a listener rule that forwards matching requests to "
                + "the service's own target group.", omitted = "no ALB route")
        Optional<AlbRouteConfig> alb,

        @Doc(value = "A listener on a shared Network Load Balancer (TCP, TLS or UDP) that forwards to the service's own "
                + "target group; a service may have it next to an ALB route.", omitted = "no NLB listener")
        Optional<NlbListenerConfig> nlb,

        @Doc(value = "Publishes the service in the environment's Service Connect namespace, so the other services reach it by "
                + "a short name on its `port`; may stand next to `alb` and `nlb`.", rules = "needs `cluster.serviceConnect: true`",
                omitted = "not published (it can still call others when the cluster has Service Connect)")
        Optional<ServiceConnectConfig> connect) {

    /** Whether no traffic reaches the service: a worker. */
    public boolean isNone() {
        return alb.isEmpty() && nlb.isEmpty() && connect.isEmpty();
    }

    /** The kinds of load balancer in front of the service: none for a worker or a service reached by Service Connect alone. */
    public Set<LoadBalancerType> loadBalancerTypes() {
        Set<LoadBalancerType> types = EnumSet.noneOf(LoadBalancerType.class);
        alb.ifPresent(route -> types.add(LoadBalancerType.APPLICATION));
        nlb.ifPresent(listener -> types.add(LoadBalancerType.NETWORK));
        return types;
    }
}
