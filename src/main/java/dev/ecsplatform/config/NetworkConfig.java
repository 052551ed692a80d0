package dev.ecsplatform.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The environment's VPC: one the product creates (every key but {@code existing}), or an existing one given by IDs
 * ({@code existing}), which excludes the keys that shape a created VPC (EnvironmentRules, ADR 0011).
 */
@Doc("The environment's VPC: public and private subnets in each availability zone, how tasks reach the internet, VPC "
        + "endpoints, flow logs. Either the product creates it (the default), or `existing` names one that a network team "
        + "owns.")
public record NetworkConfig(
        @Default("10.0.0.0/16")
        @Doc(value = "The VPC's IPv4 range. Give each environment its own range if they may ever be peered.",
                rules = "an IPv4 CIDR block, prefix /16 to /23, no host bits set")
        String cidr,

        @Range(min = 2, max = 3)
        @Default(value = "2", prod = "3")
        @Doc(value = "Availability zones to spread subnets over. Prod requires 3, so losing one AZ leaves two thirds of capacity.",
                rules = "prod: 3")
        int maxAzs,

        @Range(min = 17, max = 27)
        @Default(computed = "defaultSubnetPrefix", means = "the VPC's prefix + 4 (a /16 VPC gives /20 subnets)")
        @Doc(value = "The prefix length of every subnet (all tiers, all AZs). An ALB needs subnets of /27 or larger; each "
                + "Fargate task takes one address. Changing it renumbers, and so replaces, every subnet: choose it before "
                + "the first deploy.",
                rules = "longer than the VPC's prefix; every tier's subnets in every AZ must fit in the VPC (the private "
                        + "tier's addresses are reserved even with `egress.publicIps`)")
        int subnetPrefix,

        @Default("{natGateways: {}}")
        @Doc(value = "How tasks reach the internet: NAT gateways, one NAT instance, or public IPs on the tasks themselves. "
                + "See \"A cheap dev network\" for each choice's monthly cost and security trade-off.",
                rules = "prod: only `natGateways`, one per AZ")
        EgressConfig egress,

        @Default("[]")
        @Doc(value = "AWS services reached through VPC endpoints instead of the internet: `s3` is a free gateway endpoint; "
                + "`ecr` (API and registry), `logs`, `secretsmanager` and `ssm` are interface endpoints with private DNS "
                + "(about 7.30 USD/month each per AZ; `ecr` is two), in the subnets the tasks run in, admitting HTTPS from "
                + "the VPC only. ECR Public (public.ecr.aws) has no endpoint.",
                rules = "each once")
        List<VpcEndpoint> endpoints,

        @Default("false")
        @Doc("Adds a third subnet tier with no route to the internet, for databases.")
        boolean isolatedSubnets,

        @OneOf(IntegerChoices.LOG_RETENTION_DAYS)
        @Default(computed = "defaultFlowLogRetentionDays", means = "`logs.retentionDays`")
        @Doc(value = "Days the VPC flow-log group keeps logs.", rules = "prod: 365 or more")
        int flowLogRetentionDays,

        @Doc(value = "An existing VPC to use instead of creating one; see \"An existing network\" in the configuration guide.",
                rules = "not with `cidr`, `maxAzs`, `subnetPrefix`, `egress` or `isolatedSubnets`, which shape a created VPC",
                omitted = "none: the product creates the VPC from the keys above")
        Optional<ExistingNetworkConfig> existing) {

    /** The keys that shape a VPC the product creates; an existing network rejects them. */
    public static final List<String> CREATE_ONLY_KEYS = List.of("cidr", "maxAzs", "subnetPrefix", "egress", "isolatedSubnets");

    public NetworkConfig {
        endpoints = List.copyOf(endpoints);
    }

    /** The VPC's CIDR block: the existing VPC's, or the one the product creates. */
    public String vpcCidr() {
        return existing.map(ExistingNetworkConfig::cidr).orElse(cidr);
    }

    /** Keys print-config leaves out: with an existing VPC, the create-only keys (their defaults mean nothing then). */
    Set<String> unprintedKeys() {
        return existing.isPresent() ? Set.copyOf(CREATE_ONLY_KEYS) : Set.of();
    }

    /** The VPC's prefix length, e.g. 16 for 10.0.0.0/16; 16 when the CIDR is not written correctly (reported elsewhere). */
    public int vpcPrefix() {
        return vpcPrefix(cidr);
    }

    /** Four bits smaller than the VPC: room for 16 subnets, so 3 tiers x 3 AZs fit and a tier added later renumbers nothing. */
    static int defaultSubnetPrefix(DefaultContext context) {
        return Math.min(vpcPrefix(context.sibling("cidr", String.class)) + 4, 27);
    }

    static int defaultFlowLogRetentionDays(DefaultContext context) {
        return context.parent().sibling("logs", LogsConfig.class).retentionDays();
    }

    private static int vpcPrefix(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            return slash < 0 ? 16 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return 16;
        }
    }
}
