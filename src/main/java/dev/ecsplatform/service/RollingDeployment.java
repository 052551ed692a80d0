package dev.ecsplatform.service;

import dev.ecsplatform.config.RollingDeploymentConfig;
import java.util.Optional;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;

/**
 * An ECS rolling update within the configured healthy percentages, with the circuit breaker rolling back
 * a deployment whose tasks never become healthy instead of hanging {@code cdk deploy} (aws-cdk #1498).
 *
 * @param config the deployment settings
 */
public record RollingDeployment(RollingDeploymentConfig config) implements DeploymentBinding {

    @Override
    public int minHealthyPercent() {
        return config.minHealthyPercent();
    }

    @Override
    public int maxPercent() {
        return config.maxPercent();
    }

    @Override
    public Optional<DeploymentCircuitBreaker> circuitBreaker() {
        return Optional.of(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build());
    }
}
