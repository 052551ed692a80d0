package dev.ecsplatform.config;

/**
 * The ECS cluster. It always has the FARGATE and FARGATE_SPOT capacity providers.
 *
 * @param containerInsights {@code enabled} or {@code enhanced}; omitted means {@code enabled}
 */
public record ClusterConfig(ContainerInsights containerInsights) {
}
