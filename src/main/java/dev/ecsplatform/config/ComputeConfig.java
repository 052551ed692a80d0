package dev.ecsplatform.config;

/**
 * What a service's tasks run on: exactly one variant, written {@code compute: { fargate: {...} }}. EC2 capacity
 * providers join as a second record here (ADR 0007 sketches where it plugs in).
 */
public sealed interface ComputeConfig permits FargateConfig {
}
