package dev.ecsplatform.service;

import java.util.List;

/**
 * An ECS rolling update within the given healthy percentages, with the circuit breaker rolling back a deployment whose
 * tasks never become healthy instead of hanging {@code cdk deploy} (aws-cdk #1498), and the service's rollback alarms
 * rolling back one whose tasks are healthy but misbehave. It binds both {@code rolling} (the configured percentages)
 * and {@code recreate} (Copilot's recreate: 0 % / 100 %, so ECS stops every old task before it starts a new one; the
 * config allows it outside prod only, as the service is down while the new tasks start).
 *
 * @param minHealthyPercent  the lowest share of the desired tasks that stays running
 * @param maxPercent         the highest share of the desired tasks that may run
 * @param rollbackAlarmNames the alarms that roll a deployment back
 */
public record RollingDeployment(int minHealthyPercent, int maxPercent, List<String> rollbackAlarmNames)
        implements DeploymentBinding {

    public RollingDeployment {
        rollbackAlarmNames = List.copyOf(rollbackAlarmNames);
    }

    @Override
    public TrafficShift trafficShift() {
        return TrafficShift.NONE;
    }

    @Override
    public ServiceDeploymentOptions serviceOptions() {
        return ServiceDeploymentOptions.rolling(minHealthyPercent, maxPercent, rollbackAlarmNames);
    }
}
