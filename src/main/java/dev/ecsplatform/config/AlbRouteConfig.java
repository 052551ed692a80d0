package dev.ecsplatform.config;

import java.util.List;
import java.util.Optional;

/** A listener rule on a shared ALB that forwards matching requests to the service's own target group. */
@Doc("A listener rule on a shared Application Load Balancer that forwards matching requests to the service's own "
        + "target group.")
public record AlbRouteConfig(
        @Required(value = "the key of an entry under loadBalancers", keysOf = "loadBalancers")
        @Doc(value = "The load balancer that fronts the service.", rules = "a key under `loadBalancers`")
        String loadBalancer,

        @Default("[\"/*\"]")
        @NotEmpty("use [/*] to match every path")
        @Matches(regex = "/.*", problem = "is not a path pattern", allowed = "a pattern that starts with /, such as /api/*")
        @Doc(value = "Path patterns the rule matches.", rules = "at most 5 paths and hosts together (an ALB limit)")
        List<String> paths,

        @Default("[]")
        @Matches(regex = "[A-Za-z0-9*?.-]{1,128}", problem = "is not a host name",
                allowed = "letters, digits, dots, hyphens and the wildcards * and ?")
        @Doc("Host headers the rule matches; empty means any host.")
        List<String> hosts,

        @Range(min = 1, max = 50000)
        @Default("100")
        @Doc(value = "The listener rule's priority (lower wins). 100 is allowed only when the service is alone on its "
                + "load balancer.", rules = "unique per load balancer; required when several services share one")
        int priority,

        @Range(min = 0, max = 3600)
        @Default(CommonFieldValues.DEREGISTRATION_DELAY_SECONDS)
        @Doc("How long a stopping task keeps serving in-flight requests; ELB's default is 300. See "
                + "[fast-deploy defaults](#fast-deploy-defaults).")
        int deregistrationDelaySeconds,

        @Range(min = 0, max = 900)
        @Default("0")
        @Doc(value = "Seconds a new task's share of requests ramps up linearly after it becomes healthy, for services "
                + "that warm caches or JIT-compile; 0 is off.", rules = "0, or 30 to 900 (the ELB limits)")
        int slowStartSeconds,

        @Range(min = 1, max = 604800)
        @Doc(value = "Keeps a client on the same task for this many seconds with the load balancer's own cookie "
                + "(`AWSALB`); for services that hold session state in memory. Requests then spread less evenly.",
                omitted = "no stickiness")
        Optional<Integer> stickinessSeconds,

        @Default("{}")
        @Doc("The load balancer's health check of the target group; omitted, the [fast-deploy defaults](#fast-deploy-defaults).")
        TargetHealthCheckConfig healthCheck) {

    public AlbRouteConfig {
        paths = List.copyOf(paths);
        hosts = List.copyOf(hosts);
    }
}
