package dev.ecsplatform.config;

/** The environment's VPC. */
@Doc("The environment's VPC: public and private subnets in each availability zone, NAT gateways, flow logs.")
public record NetworkConfig(
        @Default("10.0.0.0/16")
        @Doc(value = "The VPC's IPv4 range. Subnets are 4 bits smaller than the VPC (a /16 gives /20s) and an ALB needs "
                + "subnets of /27 or larger, hence /23 at most. Give each environment its own range if they may ever be peered.",
                rules = "an IPv4 CIDR block, prefix /16 to /23, no host bits set")
        String cidr,

        @Range(min = 2, max = 3)
        @Default(value = "2", prod = "3")
        @Doc(value = "Availability zones to spread subnets over. Prod requires 3, so losing one AZ leaves two thirds of capacity.",
                rules = "prod: 3")
        int maxAzs,

        @Range(min = 1, max = 3)
        @Default(computed = "defaultNatGateways", means = "1 (prod: one per AZ, i.e. `maxAzs`)")
        @Doc(value = "NAT gateways for the private subnets. One saves ~$32/month per AZ outside prod; prod keeps one per AZ "
                + "so an AZ outage does not cut the others off.", rules = "at most `maxAzs`")
        int natGateways,

        @Default("false")
        @Doc("Adds a third subnet tier with no route to the internet, for databases.")
        boolean isolatedSubnets,

        @OneOf(IntegerChoices.LOG_RETENTION_DAYS)
        @Default(computed = "defaultFlowLogRetentionDays", means = "`logs.retentionDays`")
        @Doc(value = "Days the VPC flow-log group keeps logs.", rules = "prod: 365 or more")
        int flowLogRetentionDays) {

    static int defaultNatGateways(DefaultContext context) {
        return context.tier().isProduction() ? context.sibling("maxAzs", Integer.class) : 1;
    }

    static int defaultFlowLogRetentionDays(DefaultContext context) {
        return context.parent().sibling("logs", LogsConfig.class).retentionDays();
    }
}
