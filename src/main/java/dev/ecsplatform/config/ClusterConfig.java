package dev.ecsplatform.config;

/** The ECS cluster. */
@Doc("The ECS cluster. It always has the FARGATE and FARGATE_SPOT capacity providers.")
public record ClusterConfig(
        @Default("enabled")
        @Doc("CloudWatch Container Insights level: `enabled` collects cluster- and service-level metrics; `enhanced` adds "
                + "task- and container-level metrics at a higher CloudWatch cost.")
        ContainerInsights containerInsights) {
}
