package dev.ecsplatform.service;

import java.util.Optional;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;

/**
 * How a new version of a service rolls out: the third independent choice of a service stack (with
 * {@link TrafficBinding} and {@link ComputeBinding}). {@link RollingDeployment} is the only kind today;
 * ECS-native blue/green, canary and linear, and CodeDeploy blue/green plug in here (ADR 0007).
 */
public interface DeploymentBinding {

    /** The lowest share of the desired tasks that stays running during a deployment, in percent. */
    int minHealthyPercent();

    /** The highest share of the desired tasks that may run during a deployment, in percent. */
    int maxPercent();

    /** The circuit breaker that stops, and rolls back, a deployment whose tasks never become healthy. */
    Optional<DeploymentCircuitBreaker> circuitBreaker();
}
