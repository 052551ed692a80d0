package dev.ecsplatform.config;

import java.util.Optional;

/** Production traffic in equal steps. */
@VariantName("linear")
@Doc("`percent` of production traffic moves every `minutes` until all has moved. 10 percent every 1 or 3 minutes are "
        + "CodeDeploy's `CodeDeployDefault.ECSLinear10PercentEvery1Minutes` and `...3Minutes`; any other plan becomes an "
        + "`AWS::CodeDeploy::DeploymentConfig` of the service's own.")
public record CodeDeployLinearConfig(
        @Required("the share of traffic each step moves, e.g. 10")
        @Range(min = 1, max = 99)
        @Doc("Percent of production traffic each step moves.")
        int percent,

        @Required("the minutes between steps, e.g. 1")
        @Range(min = 1, max = 2880)
        @Doc(value = "Minutes between steps.", rules = "see `terminationWaitMinutes` for the one-hour total")
        int minutes) implements CodeDeployTrafficShiftConfig {

    @Override
    public Optional<String> predefinedName() {
        return percent == 10 && (minutes == 1 || minutes == 3)
                ? Optional.of("CodeDeployDefault.ECSLinear10PercentEvery" + minutes + "Minutes") : Optional.empty();
    }

    /** One wait between each two of the {@code ceil(100 / percent)} steps. */
    @Override
    public int shiftMinutes() {
        return LinearSteps.waitsBetweenSteps(percent) * minutes;
    }
}
