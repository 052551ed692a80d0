package dev.ecsplatform.config;

/**
 * How tasks reach the internet: exactly one variant, written {@code egress: { natGateways: { count: 1 } }},
 * {@code egress: { natInstance: { instanceType: t4g.nano } }} or {@code egress: { publicIps: {} }}. Prod accepts
 * only NAT gateways, one per availability zone (EnvironmentRules).
 */
public sealed interface EgressConfig permits NatGatewaysConfig, NatInstanceConfig, PublicIpsConfig {
}
