package dev.ecsplatform.config;

/** No NAT: tasks run in the public subnets with public IPv4 addresses. */
@VariantName("publicIps")
@Doc("No NAT at all: tasks run in the public subnets with a public IPv4 address each (3.65 USD/month per running task) "
        + "and reach the internet through the internet gateway. Inbound traffic is still only what the task's security "
        + "groups admit (the load balancer's group, on the container port). The private subnets' addresses stay reserved, "
        + "so switching to NAT later adds them without renumbering any subnet. Not allowed in prod.")
public record PublicIpsConfig() implements EgressConfig {
}
