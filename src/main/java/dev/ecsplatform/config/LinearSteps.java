package dev.ecsplatform.config;

/** The arithmetic of a linear traffic shift, which ECS's linear strategy and CodeDeploy's linear configs share. */
final class LinearSteps {

    private LinearSteps() {
    }

    /**
     * How many waits a plan that moves {@code stepPercent} at a time has between its steps: one less than the number of
     * steps, {@code ceil(100 / stepPercent)}, as the last step moves what is left (CloudFormation reference,
     * AWS::ECS::Service LinearConfiguration; CodeDeploy's TimeBasedLinear).
     */
    static int waitsBetweenSteps(int stepPercent) {
        return (100 + stepPercent - 1) / stepPercent - 1;
    }
}
