package dev.ecsplatform.service;

import dev.ecsplatform.config.CodeDeployDeploymentConfig;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.constructs.Construct;

/**
 * CodeDeploy blue/green: the service runs under the {@code CODE_DEPLOY} controller, registered with its primary
 * target group only, and {@link CodeDeployBlueGreen} adds the application, the deployment group over both target
 * groups and listeners, and the custom resource that turns each new task definition into a CodeDeploy deployment
 * (ADR 0013). ECS rejects a circuit breaker and deployment alarms under this controller; the rollback alarms go on
 * the deployment group instead.
 *
 * @param config             the deployment settings
 * @param rollbackAlarmNames the alarms that roll a deployment back
 */
public record CodeDeployDeployment(CodeDeployDeploymentConfig config, List<String> rollbackAlarmNames) implements DeploymentBinding {

    /** The ID of the {@link CodeDeployBlueGreen} this binding adds next to the service. */
    private static final String CONSTRUCT_ID = "CodeDeploy";

    public CodeDeployDeployment {
        rollbackAlarmNames = List.copyOf(rollbackAlarmNames);
    }

    @Override
    public TrafficShift trafficShift() {
        return TrafficShift.CODE_DEPLOY;
    }

    /**
     * Full size: under CODE_DEPLOY the percentages only bound a task set while its tasks drain, and CDK's default of 50
     * would halve it. No circuit breaker and no ECS deployment alarms: ECS refuses both under CODE_DEPLOY, and the
     * rollback alarms go on the deployment group.
     */
    @Override
    public ServiceDeploymentOptions serviceOptions() {
        return new ServiceDeploymentOptions(DeploymentControllerType.CODE_DEPLOY, Optional.empty(),
                ServiceDeploymentOptions.FULL_SIZE_MIN_HEALTHY_PERCENT, ServiceDeploymentOptions.FULL_SIZE_MAX_PERCENT,
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public void afterService(Construct scope, DeployedService deployed) {
        new CodeDeployBlueGreen(scope, CONSTRUCT_ID, new CodeDeployBlueGreen.Props(config, rollbackAlarmNames, deployed));
    }
}
