package dev.ecsplatform.service;

import dev.ecsplatform.config.RecreateDeploymentConfig;
import java.util.List;

/**
 * Copilot's "recreate": an ECS rolling update at 0 % / 100 %, so ECS stops every old task before it starts a new one,
 * with the circuit breaker and the rollback alarms as for {@link RollingDeployment}. The config allows it outside prod
 * only: the service is down while the new tasks start.
 *
 * @param rollbackAlarmNames the alarms that roll a deployment back
 */
public record RecreateDeployment(List<String> rollbackAlarmNames) implements DeploymentBinding {

    public RecreateDeployment {
        rollbackAlarmNames = List.copyOf(rollbackAlarmNames);
    }

    @Override
    public TrafficShift trafficShift() {
        return TrafficShift.NONE;
    }

    @Override
    public ServiceDeploymentOptions serviceOptions() {
        return ServiceDeploymentOptions.rolling(RecreateDeploymentConfig.MIN_HEALTHY_PERCENT,
                RecreateDeploymentConfig.MAX_PERCENT, rollbackAlarmNames);
    }
}
