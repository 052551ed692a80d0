package dev.ecsplatform.config;

import java.util.List;

/** ECS-native blue/green: all production traffic moves to the new revision at once. */
@VariantName("blueGreen")
@Doc("An ECS-native blue/green deployment (strategy `BLUE_GREEN`): ECS starts the new version beside the old one behind "
        + "a second target group, sends the load balancer's test listener to it (when there is one), then moves all "
        + "production traffic at once and keeps the old version for `bakeMinutes`, during which a rollback alarm moves "
        + "traffic straight back. Needs traffic through a load balancer (`traffic.alb` or `traffic.nlb`). See "
        + "[deployments](deployments.md#ecs-native-bluegreen-canary-and-linear).")
public record BlueGreenDeploymentConfig(
        @Range(min = 0, max = 1440)
        @Default(value = "5", prod = "15")
        @Doc("Minutes both versions keep running after all production traffic has moved; a rollback alarm during this "
                + "time moves traffic back at once. ECS allows 0 to 1440.")
        int bakeMinutes,

        @Default("[]")
        @Doc(value = "Lambda functions ECS calls at stages of the deployment.", rules = "at most one hook per function")
        List<LifecycleHookConfig> hooks) implements DeploymentConfig, EcsTrafficShiftConfig {

    public BlueGreenDeploymentConfig {
        hooks = List.copyOf(hooks);
    }

    @Override
    public String kind() {
        return "blueGreen";
    }

    @Override
    public int plannedMinutes() {
        return bakeMinutes;
    }
}
