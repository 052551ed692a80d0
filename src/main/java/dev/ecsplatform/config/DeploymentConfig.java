package dev.ecsplatform.config;

/**
 * How new versions of a service roll out: exactly one variant, written {@code deployment: { rolling: {...} }}.
 * Rolling and recreate replace tasks behind one target group; blue/green, canary and linear
 * ({@link EcsTrafficShiftConfig}) are ECS-native and shift traffic between two; codeDeploy has CodeDeploy shift it
 * (ADR 0013).
 */
public sealed interface DeploymentConfig permits RollingDeploymentConfig, RecreateDeploymentConfig,
        BlueGreenDeploymentConfig, CanaryDeploymentConfig, LinearDeploymentConfig, CodeDeployDeploymentConfig {
}
