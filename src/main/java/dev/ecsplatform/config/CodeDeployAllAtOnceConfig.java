package dev.ecsplatform.config;

import java.util.Optional;

/** All production traffic at once, once the new tasks are healthy: {@code CodeDeployDefault.ECSAllAtOnce}. */
@VariantName("allAtOnce")
@Doc("All production traffic moves at once, as soon as the new tasks are healthy (`CodeDeployDefault.ECSAllAtOnce`).")
public record CodeDeployAllAtOnceConfig() implements CodeDeployTrafficShiftConfig {

    @Override
    public Optional<String> predefinedName() {
        return Optional.of("CodeDeployDefault.ECSAllAtOnce");
    }

    @Override
    public int shiftMinutes() {
        return 0;
    }
}
