package dev.ecsplatform.config;

/**
 * A CodeDeploy blue/green deployment: the service runs under the {@code CODE_DEPLOY} controller, and each change of
 * its task definition (or of what ECS lets only CodeDeploy change) becomes a CodeDeploy deployment that shifts
 * traffic from one target group to the other (ADR 0013).
 */
@VariantName("codeDeploy")
@Doc("CodeDeploy blue/green: every new task definition (a new image, new settings) starts a CodeDeploy deployment that "
        + "runs the new version as a second task set behind the service's second target group, shifts production traffic "
        + "to it as `trafficShift` says, keeps the old tasks for `terminationWaitMinutes` while the rollback alarms still "
        + "watch, and rolls back by itself when the deployment fails, is stopped, or an alarm fires. `cdk deploy` waits for "
        + "it and fails (rolling the stack back) when CodeDeploy rolls back. Needs exactly one way in through a load "
        + "balancer (`traffic.alb` or `traffic.nlb`) and no `traffic.connect`. AWS recommends the ECS-native kinds for "
        + "new services. See [CodeDeploy blue/green](deployments.md#codedeploy-bluegreen).")
public record CodeDeployDeploymentConfig(
        @Default("{canary: {percent: 10, minutes: 5}}")
        @Doc("How production traffic moves to the new version.")
        CodeDeployTrafficShiftConfig trafficShift,

        @Range(min = 0, max = 2880)
        @Default("5")
        @Doc(value = "Minutes the old tasks keep running after all traffic has moved; an alarm in this time still rolls "
                + "back, within seconds, to tasks that are still warm. CodeDeploy's own default is 60.",
                rules = "with `trafficShift` and 15 minutes for starting, checking and draining tasks, at most 60 minutes "
                        + "in all: `cdk deploy` waits for the whole deployment through a custom resource, whose provider "
                        + "gives up after one hour")
        int terminationWaitMinutes) implements DeploymentConfig {

    /** The longest a {@code customresources.Provider} waits for its isComplete handler (aws-cdk-lib: at most one hour). */
    public static final int PROVIDER_TIMEOUT_MINUTES = 60;

    /**
     * What a deployment takes besides shifting and waiting: starting the replacement task set (image pull, the health
     * check grace period, the target group's healthy threshold), the test-traffic step, draining the old target group
     * and the handler's polling.
     */
    public static final int TASK_MARGIN_MINUTES = 15;

    /** The minutes a deployment may take from CreateDeployment to success, as the handler waits for it. */
    public int totalMinutes() {
        return trafficShift.shiftMinutes() + terminationWaitMinutes + TASK_MARGIN_MINUTES;
    }
}
