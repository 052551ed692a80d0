package dev.ecsplatform.config;

import java.util.List;

/** ECS-native canary: a share of production traffic first, the rest after a wait. */
@VariantName("canary")
@Doc("An ECS-native canary deployment (strategy `CANARY`): like blue/green, but production traffic moves in two steps, "
        + "`percent` first and the rest after `canaryBakeMinutes`, so a bad version meets a small share of users before "
        + "it meets all of them. Needs traffic through a load balancer (`traffic.alb` or `traffic.nlb`). See "
        + "[deployments](deployments.md#ecs-native-bluegreen-canary-and-linear).")
public record CanaryDeploymentConfig(
        @Range(min = 1, max = 100)
        @Default("5")
        @Doc("The share of production traffic, in whole percent, the new version gets first; ECS's default. (ECS also "
                + "takes tenths of a percent; the product takes whole ones.)")
        int percent,

        @Range(min = 0, max = 1440)
        @Default("10")
        @Doc("Minutes the canary share runs before the rest of production traffic moves; ECS's default. ECS allows 0 to "
                + "1440.")
        int canaryBakeMinutes,

        @Range(min = 0, max = 1440)
        @Default(value = "5", prod = "15")
        @Doc(value = "Minutes both versions keep running after all production traffic has moved; a rollback alarm during "
                + "this time moves traffic back at once.", rules = "with `canaryBakeMinutes` at most 1980 (33 hours), "
                + "the longest plan CloudFormation accepts")
        int bakeMinutes,

        @Default("[]")
        @Doc(value = "Lambda functions ECS calls at stages of the deployment.", rules = "at most one hook per function")
        List<LifecycleHookConfig> hooks) implements DeploymentConfig, EcsTrafficShiftConfig {

    public CanaryDeploymentConfig {
        hooks = List.copyOf(hooks);
    }

    @Override
    public String kind() {
        return "canary";
    }

    /** CloudFormation's formula for canary plans: BakeTimeInMinutes + CanaryBakeTimeInMinutes. */
    @Override
    public int plannedMinutes() {
        return bakeMinutes + canaryBakeMinutes;
    }
}
