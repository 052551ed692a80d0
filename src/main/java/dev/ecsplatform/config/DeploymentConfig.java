package dev.ecsplatform.config;

/**
 * How new versions of a service roll out: exactly one variant, written {@code deployment: { rolling: {...} }}.
 * ECS-native blue/green, canary and linear and CodeDeploy blue/green join as records here (issue 9).
 */
public sealed interface DeploymentConfig permits RollingDeploymentConfig, CodeDeployDeploymentConfig {
}
