package dev.ecsplatform.config;

/**
 * How new versions roll out. The deployment circuit breaker with rollback is always on for rolling
 * deployments: a version whose tasks never become healthy rolls back instead of hanging {@code cdk deploy}.
 *
 * @param strategy          {@code rolling}; omitted means {@code rolling}
 * @param minHealthyPercent share of the desired task count that must stay healthy during a deployment, 0 to 100;
 *                          omitted means 100 (prod requires 100)
 * @param maxPercent        ceiling on running tasks during a deployment as a share of the desired count,
 *                          100 to 200 and greater than {@code minHealthyPercent}; omitted means 200
 */
public record DeploymentConfig(DeploymentStrategy strategy, int minHealthyPercent, int maxPercent) {
}
