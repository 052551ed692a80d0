package dev.ecsplatform.config;

import java.util.List;

/**
 * What the ECS-native kinds of deployment that shift traffic between two target groups share: blue/green, canary and
 * linear ({@link BlueGreenDeploymentConfig}, {@link CanaryDeploymentConfig}, {@link LinearDeploymentConfig}).
 */
public interface EcsTrafficShiftConfig {

    /** The longest plan CloudFormation accepts, in minutes: 33 hours (AWS::ECS::Service CanaryConfiguration, LinearConfiguration). */
    int CLOUDFORMATION_MAX_PLAN_MINUTES = 33 * 60;

    /** Minutes ECS keeps the old revision after all production traffic has moved. */
    int bakeMinutes();

    /** The functions ECS calls at stages of the deployment. */
    List<LifecycleHookConfig> hooks();

    /** The name of the kind under {@code deployment}, e.g. {@code canary}. */
    String kind();

    /**
     * The minutes CloudFormation counts against its 33-hour limit, by its own formula: the bake time plus every wait
     * between production traffic steps (none after the last).
     */
    int plannedMinutes();
}
