package dev.ecsplatform.config;

/**
 * How a CodeDeploy deployment moves production traffic: exactly one variant, written
 * {@code trafficShift: { allAtOnce: {} }}, {@code { canary: { percent: 10, minutes: 5 } }} or
 * {@code { linear: { percent: 10, minutes: 1 } }}. The plans CodeDeploy predefines become its
 * {@code CodeDeployDefault.ECS...} configs; any other becomes a deployment config of the service's own.
 */
public sealed interface CodeDeployTrafficShiftConfig permits CodeDeployAllAtOnceConfig, CodeDeployCanaryConfig,
        CodeDeployLinearConfig {

    /** The name of the predefined CodeDeploy config this plan is, if it is one. */
    java.util.Optional<String> predefinedName();

    /** The longest time, in minutes, from the first to the last traffic shift. */
    int shiftMinutes();
}
