package dev.ecsplatform;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.testkit.BuiltApp;
import dev.ecsplatform.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every fixture shape (an internal load balancer, several services on one load balancer, prod) survives a
 * full synth, as {@code cdk synth} runs it: with every stage's rule packs validating the assembly. The
 * template tests read stacks one by one and never run the packs; a pack that throws on a shape (as
 * cdk-nag's EC23 did on an internal load balancer's token CIDR) or an unacknowledged finding only shows here.
 */
class FixtureSynthTest {

    @Test
    void everyFixtureShapeSynthesizesWithItsRulePacks() {
        // A fresh app: the shared one may already hold a cached assembly from the template tests.
        BuiltApp app = new BuiltApp(EnvironmentLoader.loadAll(Fixtures.DIRECTORY), Fixtures.CONTEXT);
        assertThatCode(() -> app.app().synth()).doesNotThrowAnyException();
    }
}
