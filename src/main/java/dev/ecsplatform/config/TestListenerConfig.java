package dev.ecsplatform.config;

import java.util.List;

/** A second listener, for testing a new version before it takes production traffic. */
@Doc("A second listener on its own port, reachable only from the testers' networks, where the blue/green deployment "
        + "strategies route test traffic to a new version before it takes production traffic. On an application load "
        + "balancer it serves HTTPS when the load balancer has certificates, HTTP otherwise, and answers 404 unless a "
        + "test route matches; under `traffic.nlb` it is the service's own, with the production listener's protocol.")
public record TestListenerConfig(
        @Required("the test listener's port, e.g. 8443")
        @Range(min = 1, max = 65535)
        @Doc(value = "The test listener's port.", rules = "not the port of another listener of the load balancer")
        int port,

        @Required("the CIDR blocks or prefix lists of the testers, e.g. [203.0.113.0/24]")
        @NotEmpty("list the CIDR blocks or prefix lists of the testers")
        @Matches(regex = CommonFieldValues.CLIENT_SOURCE, problem = "is not a CIDR block or "
                + "prefix list", allowed = "an IPv4 CIDR block such as 203.0.113.0/24, or a managed prefix list ID such as "
                + "pl-0123456789abcdef0")
        @Doc(value = "Who may reach the test listener.", rules = "not `0.0.0.0/0`: a test listener serves versions not "
                + "yet released")
        List<String> allowFrom) {

    public TestListenerConfig {
        allowFrom = List.copyOf(allowFrom);
    }
}
