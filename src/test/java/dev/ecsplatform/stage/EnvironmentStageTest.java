package dev.ecsplatform.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** How an environment is cut into stacks, named, protected and tagged. */
class EnvironmentStageTest {

    @Test
    void hasAPlatformStackAndOneStackPerService() {
        EnvironmentStage dev = Fixtures.stage("dev");
        assertThat(dev.getNode().getChildren()).filteredOn(Stack.class::isInstance)
                .extracting(c -> ((Stack) c).getStackName())
                .containsExactly("dev-platform", "dev-service-web");
    }

    @Test
    void listsEveryStackItHoldsForTheTestsThatMustCoverThemAll() {
        assertThat(Fixtures.stage("shared").stacks()).extracting(Stack::getStackName)
                .containsExactly("shared-platform", "shared-service-admin", "shared-service-orders", "shared-service-queue-worker", "shared-service-web");
        Fixtures.stages().values().forEach(stage -> assertThat(stage.stacks())
                .as("the stacks of %s", stage.getStageName())
                .hasSize(1 + stage.services().size())
                .containsAll(stage.services().values()).contains(stage.platform()));
    }

    @Test
    void deploysToTheConfiguredAccountAndRegion() {
        Stack platform = Fixtures.stage("prod").platform();
        assertThat(platform.getAccount()).isEqualTo(Fixtures.ACCOUNT);
        assertThat(platform.getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void protectsProdStacksFromTermination() {
        assertThat(Fixtures.stages().values()).allSatisfy(stage -> {
            boolean prod = stage.environment().tier().isProduction();
            assertThat(stage.platform().getTerminationProtection()).isEqualTo(prod);
            stage.services().values().forEach(s -> assertThat(s.getTerminationProtection()).isEqualTo(prod));
        });
        // Asserted on the cloud assembly too: that is what the CLI reads.
        var artifact = Fixtures.stage("prod").synth().getStackByName("prod-platform");
        assertThat(artifact.getTerminationProtection()).isTrue();
    }

    @Test
    void serviceStacksDependOnThePlatformAndNeverTheOtherWayRound() {
        EnvironmentStage dev = Fixtures.stage("dev");
        ServiceStack web = dev.services().get("web");
        assertThat(web.getDependencies()).contains(dev.platform());
        assertThat(dev.platform().getDependencies()).isEmpty();
        String platformJson = Fixtures.platform("dev").toJSON().toString();
        assertThat(platformJson).doesNotContain("dev-service-web").doesNotContain("Fn::ImportValue");
        assertThat(web.getDependencies()).as("stack dependencies").containsExactly(dev.platform());
    }

    @Test
    void tagsEveryResourceWithEnvironmentOwnerAndService() {
        Template service = Fixtures.service("internal", "web");
        service.hasResourceProperties("AWS::ECS::Service", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "environment", "Value", "internal"),
                Map.of("Key", "owner", "Value", "fixture-team"),
                Map.of("Key", "service", "Value", "web")))));
        Fixtures.platform("internal").hasResourceProperties("AWS::EC2::VPC", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "environment", "Value", "internal"),
                Map.of("Key", "owner", "Value", "fixture-team")))));
    }

    @Test
    void namesStacksFromOneHelper() {
        var environment = Fixtures.stage("dev").environment();
        assertThat(StackNames.platform(environment)).isEqualTo("dev-platform");
        assertThat(StackNames.service(environment, "web")).isEqualTo("dev-service-web");
    }
}
