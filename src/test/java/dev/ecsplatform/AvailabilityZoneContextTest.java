package dev.ecsplatform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.testkit.BuiltApp;
import dev.ecsplatform.testkit.TestEnvironments;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** A synth for an account without cached availability zones says how to seed them offline. */
class AvailabilityZoneContextTest {

    private final EnvironmentConfig dev = TestEnvironments.load("dev", "owner: test-team\n", TestEnvironments.minimal("dev"));

    @Test
    void namesTheFileAndTheContextEntryToAdd() {
        App app = BuiltApp.newApp();
        assertThat(AvailabilityZoneContext.missing(app, List.of(dev))).hasValueSatisfying(note -> assertThat(note)
                .contains("environments/dev.yaml (account " + dev.account() + ", region eu-west-1)")
                .contains("\"availability-zones:account=" + dev.account() + ":region=eu-west-1\": [\"eu-west-1a\"")
                .contains("cdk.context.json"));
    }

    @Test
    void saysNothingWhenTheZonesAreCached() {
        App app = BuiltApp.newApp();
        app.getNode().setContext(AvailabilityZoneContext.key(dev), List.of("eu-west-1a", "eu-west-1b"));
        assertThat(AvailabilityZoneContext.missing(app, List.of(dev))).isEmpty();
    }
}
