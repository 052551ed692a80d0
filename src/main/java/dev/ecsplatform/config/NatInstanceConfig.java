package dev.ecsplatform.config;

/** One EC2 NAT instance (Amazon Linux 2023) in the first public subnet; tasks stay in private subnets. */
@VariantName("natInstance")
@Doc("One EC2 NAT instance (Amazon Linux 2023, resolved at deploy time) in the first public subnet, for every private "
        + "subnet: a t4g.nano costs about 3 USD/month plus 3.65 USD for its public IPv4 address. Tasks stay in private "
        + "subnets without public IPs. Not highly available, and a deploy after AWS publishes a newer AMI replaces the "
        + "instance (a minute or two without egress, a new public IP). Not allowed in prod.")
public record NatInstanceConfig(
        @Default("t4g.nano")
        @Matches(regex = "[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.(nano|micro|small|medium|large|[1-9][0-9]?xlarge|xlarge)",
                problem = "is not an EC2 instance type",
                allowed = "a type such as t4g.nano, t4g.micro or t3.nano (family, a dot, a size; no metal)")
        @Doc(value = "The NAT instance's EC2 instance type. Graviton types (t4g) are the cheapest; the AMI's architecture "
                + "follows the type. Bandwidth is the type's: a nano bursts to 5 Gbit/s.")
        String instanceType) implements EgressConfig {
}
