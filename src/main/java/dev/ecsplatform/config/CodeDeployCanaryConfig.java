package dev.ecsplatform.config;

import java.util.Optional;

/** A share of production traffic first, the rest after a wait. */
@VariantName("canary")
@Doc("`percent` of production traffic moves first, the rest `minutes` later. 10 percent for 5 or 15 minutes are "
        + "CodeDeploy's `CodeDeployDefault.ECSCanary10Percent5Minutes` and `...15Minutes`; any other plan becomes an "
        + "`AWS::CodeDeploy::DeploymentConfig` of the service's own.")
public record CodeDeployCanaryConfig(
        @Required("the share of traffic the first step moves, e.g. 10")
        @Range(min = 1, max = 99)
        @Doc("Percent of production traffic the first step moves.")
        int percent,

        @Required("the minutes before the rest moves, e.g. 5")
        @Range(min = 1, max = 2880)
        @Doc(value = "Minutes between the first step and the rest.", rules = "see `terminationWaitMinutes` for the "
                + "one-hour total")
        int minutes) implements CodeDeployTrafficShiftConfig {

    @Override
    public Optional<String> predefinedName() {
        return percent == 10 && (minutes == 5 || minutes == 15)
                ? Optional.of("CodeDeployDefault.ECSCanary10Percent" + minutes + "Minutes") : Optional.empty();
    }

    @Override
    public int shiftMinutes() {
        return minutes;
    }
}
