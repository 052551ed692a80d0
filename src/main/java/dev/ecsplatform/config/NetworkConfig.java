package dev.ecsplatform.config;

/**
 * The environment's VPC.
 *
 * @param cidr                 the VPC's IPv4 range, a /16 to /23; omitted means {@code 10.0.0.0/16}
 * @param maxAzs               availability zones to spread subnets over, 2 or 3; omitted means 2, or 3 in prod (prod requires 3)
 * @param natGateways          NAT gateways, 1 to {@code maxAzs}; omitted means 1 (cheap) outside prod and one per AZ in prod
 *                             (an AZ outage must not cut the others off)
 * @param isolatedSubnets      whether to add a third subnet tier with no route to the internet (for databases);
 *                             omitted means false
 * @param flowLogRetentionDays retention of the VPC flow-log group, one of the values CloudWatch Logs accepts (see
 *                             {@link LogsConfig}); omitted means the environment's log retention
 */
public record NetworkConfig(String cidr, int maxAzs, int natGateways, boolean isolatedSubnets, int flowLogRetentionDays) {
}
