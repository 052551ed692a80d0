package dev.ecsplatform.config;

/**
 * One entry of a service's capacity provider strategy.
 *
 * @param provider {@code fargate} or {@code fargate-spot}; required
 * @param weight   relative share of tasks placed on this provider, 0 to 1000; omitted means 1
 * @param base     tasks placed on this provider before weights apply, 0 to 100000; omitted means 0
 */
public record CapacityConfig(CapacityProvider provider, int weight, int base) {
}
