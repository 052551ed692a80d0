package dev.ecsplatform.service;

import software.constructs.Construct;

/**
 * How a new version of a service rolls out: the third independent choice of a service stack (with
 * {@link TrafficBinding} and {@link ComputeBinding}). Each kind of {@code deployment} in the config is one
 * implementation, made by {@link DeploymentBindings#of}; whatever the kind, the desired count stays out of the
 * template (see {@link FargateCompute}).
 */
public interface DeploymentBinding {

    /** Whether, and by whom, traffic moves between two target groups; the traffic bindings prepare for it. */
    TrafficShift trafficShift();

    /** The deployment settings of the ECS service itself: controller, strategy and its timings, alarms. */
    ServiceDeploymentOptions serviceOptions();

    /**
     * Adds what the deployment needs beyond the service, once the service and its traffic exist (for CodeDeploy: the
     * application, the deployment group and the resource that starts each deployment; for the ECS-native kinds: the
     * lifecycle hooks and their role). A rolling update needs nothing.
     */
    default void afterService(Construct scope, DeployedService deployed) {
    }
}
