package dev.ecsplatform.service;

import dev.ecsplatform.config.CodeDeployDeploymentConfig;
import dev.ecsplatform.config.DeploymentConfig;
import dev.ecsplatform.config.EcsTrafficShiftConfig;
import dev.ecsplatform.config.RecreateDeploymentConfig;
import dev.ecsplatform.config.RollingDeploymentConfig;
import java.util.List;

/**
 * The one place that maps each kind of {@code deployment} to its binding. Java 17 has no exhaustive switch over a
 * sealed interface, so a kind without a binding fails every synth here, which every fixture test would show.
 */
public final class DeploymentBindings {

    private DeploymentBindings() {
    }

    /**
     * The binding of {@code config}.
     *
     * @param config             the service's deployment
     * @param rollbackAlarmNames the names of the service's alarms that roll a deployment back
     */
    public static DeploymentBinding of(DeploymentConfig config, List<String> rollbackAlarmNames) {
        if (config instanceof RollingDeploymentConfig rolling) {
            return new RollingDeployment(rolling.minHealthyPercent(), rolling.maxPercent(), rollbackAlarmNames);
        }
        if (config instanceof RecreateDeploymentConfig) {
            return new RollingDeployment(RecreateDeploymentConfig.MIN_HEALTHY_PERCENT, RecreateDeploymentConfig.MAX_PERCENT,
                    rollbackAlarmNames);
        }
        if (config instanceof EcsTrafficShiftConfig shift) {
            return new EcsTrafficShiftDeployment(shift, rollbackAlarmNames);
        }
        if (config instanceof CodeDeployDeploymentConfig codeDeploy) {
            return new CodeDeployDeployment(codeDeploy, rollbackAlarmNames);
        }
        throw new IllegalStateException("no deployment binding for " + config);
    }
}
