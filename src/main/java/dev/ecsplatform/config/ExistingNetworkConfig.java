package dev.ecsplatform.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A VPC the environment does not own, given by IDs (ADR 0011): the product attaches to it and adds nothing to it
 * (no NAT, routes, default-security-group changes) unless the config asks (flow logs, endpoints).
 */
@Doc("A VPC that already exists (a network team's), given by IDs the way an ECS service's `awsvpcConfiguration` "
        + "names subnets. The product attaches its cluster, load balancers, task security groups and any endpoints to it and "
        + "changes nothing else: no NAT, no routes, no default-security-group rules, no flow logs unless `flowLogs`. "
        + "Nothing is looked up at synth, so the VPC's CIDR and each subnet's zone are written here.")
public record ExistingNetworkConfig(
        @Required("the VPC's ID, e.g. vpc-0123456789abcdef0")
        @Matches(regex = "vpc-([0-9a-f]{8}|[0-9a-f]{17})", problem = "is not a VPC ID",
                allowed = "vpc- followed by 8 or 17 lower-case hex digits, e.g. vpc-0123456789abcdef0")
        @Doc("The VPC's ID.")
        String vpcId,

        @Required("the VPC's primary IPv4 CIDR block, e.g. 10.20.0.0/16")
        @Doc(value = "The VPC's primary IPv4 CIDR block, as the VPC console shows it. Internal load balancers admit it by "
                + "default and interface endpoints admit HTTPS from it.", rules = "an IPv4 CIDR block, no host bits set")
        String cidr,

        @Required("the subnets the tasks run in: a list of { id, availabilityZone }")
        @NotEmpty("the tasks run in private subnets; give at least one, e.g. [{ id: subnet-0123456789abcdef0, "
                + "availabilityZone: eu-west-1a }]")
        @Doc(value = "Subnets with a route to the internet through the network's own NAT (or with the endpoints the tasks "
                + "need). Every task runs here, and internal load balancers are placed here.",
                rules = "prod: in at least 3 availability zones; with an internal application load balancer: at least 2")
        List<ExistingSubnetConfig> privateSubnets,

        @Default("[]")
        @Doc(value = "Subnets with a route to an internet gateway, for internet-facing load balancers only.",
                rules = "required with an internet-facing load balancer; at least 2 zones for an application load balancer")
        List<ExistingSubnetConfig> publicSubnets,

        @Default("[]")
        @Doc("Subnets without a route to the internet. Only exported (for databases in other stacks); nothing of this "
                + "product runs there.")
        List<ExistingSubnetConfig> isolatedSubnets,

        @Default("false")
        @Doc("Whether this product adds a flow log of all traffic of the VPC to its own log group (with "
                + "`network.flowLogRetentionDays`). Off, because the network's owner usually logs it already.")
        boolean flowLogs) {

    public ExistingNetworkConfig {
        privateSubnets = List.copyOf(privateSubnets);
        publicSubnets = List.copyOf(publicSubnets);
        isolatedSubnets = List.copyOf(isolatedSubnets);
    }

    /** Every subnet, private first, then public, then isolated. */
    public Stream<ExistingSubnetConfig> allSubnets() {
        return Stream.of(privateSubnets, publicSubnets, isolatedSubnets).flatMap(List::stream).filter(Objects::nonNull);
    }
}
