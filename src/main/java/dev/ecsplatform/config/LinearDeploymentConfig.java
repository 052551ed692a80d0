package dev.ecsplatform.config;

import java.util.List;

/** ECS-native linear: production traffic moves in equal steps with a wait after each. */
@VariantName("linear")
@Doc("An ECS-native linear deployment (strategy `LINEAR`): like blue/green, but production traffic moves in equal steps "
        + "of `stepPercent`, with `stepBakeMinutes` after each step but the last. Needs traffic through a load balancer "
        + "(`traffic.alb` or `traffic.nlb`). See [deployments](deployments.md#ecs-native-bluegreen-canary-and-linear).")
public record LinearDeploymentConfig(
        @Range(min = 3, max = 100)
        @Default("10")
        @Doc("The share of production traffic, in whole percent, each step moves; ECS's default. ECS allows 3 to 100.")
        int stepPercent,

        @Range(min = 0, max = 1440)
        @Default("6")
        @Doc("Minutes between two steps; ECS's default. ECS allows 0 to 1440.")
        int stepBakeMinutes,

        @Range(min = 0, max = 1440)
        @Default(value = "5", prod = "15")
        @Doc(value = "Minutes both versions keep running after all production traffic has moved; a rollback alarm during "
                + "this time moves traffic back at once.", rules = "with every `stepBakeMinutes` at most 1980 (33 hours), "
                + "the longest plan CloudFormation accepts")
        int bakeMinutes,

        @Default("[]")
        @Doc(value = "Lambda functions ECS calls at stages of the deployment.", rules = "at most one hook per function")
        List<LifecycleHookConfig> hooks) implements DeploymentConfig, EcsTrafficShiftConfig {

    public LinearDeploymentConfig {
        hooks = List.copyOf(hooks);
    }

    @Override
    public String kind() {
        return "linear";
    }

    /**
     * The waits between steps, as CloudFormation counts them: (100 / stepPercent) - 1 when stepPercent divides 100,
     * the floor of 100 / stepPercent otherwise (the last, shorter step has no wait after it either).
     */
    public int waits() {
        return LinearSteps.waitsBetweenSteps(stepPercent);
    }

    /** CloudFormation's formula for linear plans: BakeTimeInMinutes + StepBakeTimeInMinutes x the waits. */
    @Override
    public int plannedMinutes() {
        return bakeMinutes + stepBakeMinutes * waits();
    }
}
