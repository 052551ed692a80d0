package dev.ecsplatform.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.amazon.awscdk.services.ecs.DeploymentStrategy;
import software.amazon.awscdk.services.ecs.TrafficShiftConfig;

/**
 * The deployment settings a {@link DeploymentBinding} gives the ECS service; a {@link ComputeBinding} applies them
 * to whatever kind of service it makes. Lifecycle hooks are not among them: they need functions and a role in the
 * stack, which {@link EcsTrafficShiftDeployment} adds after the service exists.
 *
 * @param controller         who deploys: ECS, or CodeDeploy
 * @param strategy           the ECS deployment strategy, for the ECS controller
 * @param minHealthyPercent  the lowest share of the desired tasks that stays running during a deployment
 * @param maxPercent         the highest share of the desired tasks that may run during a deployment
 * @param circuitBreaker     stops, and rolls back, a deployment whose tasks never become healthy (ECS controller only)
 * @param rollbackAlarmNames the alarms that roll an ECS deployment back when one fires; empty for none
 * @param bakeTime           how long an ECS blue/green kind of deployment keeps the old version after shifting
 * @param canary             the canary step of an ECS canary deployment
 * @param linear             the steps of an ECS linear deployment
 */
public record ServiceDeploymentOptions(DeploymentControllerType controller, Optional<DeploymentStrategy> strategy,
        int minHealthyPercent, int maxPercent, Optional<DeploymentCircuitBreaker> circuitBreaker,
        List<String> rollbackAlarmNames, Optional<Duration> bakeTime, Optional<TrafficShiftConfig> canary,
        Optional<TrafficShiftConfig> linear) {

    /**
     * The percentages of the kinds that start a whole second version (blue/green, canary, linear, CodeDeploy): the new
     * one at full size while the old one keeps serving at full size; CDK's default minimum of 50 would halve it.
     */
    static final int FULL_SIZE_MIN_HEALTHY_PERCENT = 100;
    static final int FULL_SIZE_MAX_PERCENT = 200;

    public ServiceDeploymentOptions {
        rollbackAlarmNames = List.copyOf(rollbackAlarmNames);
    }

    /** An ECS rolling update within the given percentages, with circuit-breaker rollback and the rollback alarms. */
    public static ServiceDeploymentOptions rolling(int minHealthyPercent, int maxPercent, List<String> rollbackAlarmNames) {
        return new ServiceDeploymentOptions(DeploymentControllerType.ECS, Optional.empty(), minHealthyPercent, maxPercent,
                Optional.of(circuitBreakerWithRollback()), rollbackAlarmNames, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The circuit breaker that stops a deployment whose tasks never become healthy and goes back to the last good one. */
    static DeploymentCircuitBreaker circuitBreakerWithRollback() {
        return DeploymentCircuitBreaker.builder().enable(true).rollback(true).build();
    }
}
