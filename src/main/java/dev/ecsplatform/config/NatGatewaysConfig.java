package dev.ecsplatform.config;

/** Managed NAT gateways in the public subnets; tasks run in private subnets without public IPs. */
@VariantName("natGateways")
@Doc("Managed NAT gateways (about 33 USD/month each, 36.50 with its Elastic IP, plus 0.045 USD/GB): tasks run in private subnets without public IPs "
        + "and reach the internet through a gateway. Highly available within its AZ, nothing to patch.")
public record NatGatewaysConfig(
        @Range(min = 1, max = 3)
        @Default(computed = "defaultCount", means = "1 (prod: one per AZ, i.e. `maxAzs`)")
        @Doc(value = "How many NAT gateways. One saves about 33 USD/month per AZ outside prod, but losing its AZ cuts every "
                + "private subnet off the internet; prod keeps one per AZ so an AZ outage does not cut the others off.",
                rules = "at most `maxAzs`; prod: exactly `maxAzs`")
        int count) implements EgressConfig {

    static int defaultCount(DefaultContext context) {
        return context.tier().isProduction() ? context.parent().sibling("maxAzs", Integer.class) : 1;
    }
}
