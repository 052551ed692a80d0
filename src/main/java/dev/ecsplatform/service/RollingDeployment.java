package dev.ecsplatform.service;

import dev.ecsplatform.config.RollingDeploymentConfig;
import java.util.List;

/**
 * An ECS rolling update within the configured healthy percentages, with the circuit breaker rolling back
 * a deployment whose tasks never become healthy instead of hanging {@code cdk deploy} (aws-cdk #1498), and the
 * service's rollback alarms rolling back one whose tasks are healthy but misbehave.
 *
 * @param config             the deployment settings
 * @param rollbackAlarmNames the alarms that roll a deployment back
 */
public record RollingDeployment(RollingDeploymentConfig config, List<String> rollbackAlarmNames) implements DeploymentBinding {

    public RollingDeployment {
        rollbackAlarmNames = List.copyOf(rollbackAlarmNames);
    }

    @Override
    public TrafficShift trafficShift() {
        return TrafficShift.NONE;
    }

    @Override
    public ServiceDeploymentOptions serviceOptions() {
        return ServiceDeploymentOptions.rolling(config.minHealthyPercent(), config.maxPercent(), rollbackAlarmNames);
    }
}
