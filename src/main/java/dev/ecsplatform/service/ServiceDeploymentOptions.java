package dev.ecsplatform.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.amazon.awscdk.services.ecs.DeploymentStrategy;
import software.amazon.awscdk.services.ecs.IDeploymentLifecycleHookTarget;
import software.amazon.awscdk.services.ecs.TrafficShiftConfig;

/**
 * The deployment settings a {@link DeploymentBinding} gives the ECS service; a {@link ComputeBinding} applies them
 * to whatever kind of service it makes.
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
 * @param lifecycleHooks     functions ECS calls at stages of a blue/green kind of deployment
 */
public record ServiceDeploymentOptions(DeploymentControllerType controller, Optional<DeploymentStrategy> strategy,
        Optional<Integer> minHealthyPercent, Optional<Integer> maxPercent, Optional<DeploymentCircuitBreaker> circuitBreaker,
        List<String> rollbackAlarmNames, Optional<Duration> bakeTime, Optional<TrafficShiftConfig> canary,
        Optional<TrafficShiftConfig> linear, List<IDeploymentLifecycleHookTarget> lifecycleHooks) {

    public ServiceDeploymentOptions {
        rollbackAlarmNames = List.copyOf(rollbackAlarmNames);
        lifecycleHooks = List.copyOf(lifecycleHooks);
    }

    /** An ECS rolling update within the given percentages, with circuit-breaker rollback and the rollback alarms. */
    public static ServiceDeploymentOptions rolling(int minHealthyPercent, int maxPercent, List<String> rollbackAlarmNames) {
        return new ServiceDeploymentOptions(DeploymentControllerType.ECS, Optional.empty(), Optional.of(minHealthyPercent),
                Optional.of(maxPercent), Optional.of(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build()),
                rollbackAlarmNames, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
