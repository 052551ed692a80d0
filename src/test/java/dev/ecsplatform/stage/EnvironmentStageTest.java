package dev.ecsplatform.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.SynthesizedApp;
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
        EnvironmentStage dev = SynthesizedApp.stage("dev");
        assertThat(dev.getNode().getChildren()).filteredOn(Stack.class::isInstance)
                .extracting(c -> ((Stack) c).getStackName())
                .containsExactly("dev-platform", "dev-service-web");
    }

    @Test
    void deploysToTheConfiguredAccountAndRegion() {
        Stack platform = SynthesizedApp.stage("prod").platform();
        assertThat(platform.getAccount()).isEqualTo("333333333333");
        assertThat(platform.getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void protectsProdStacksFromTermination() {
        assertThat(SynthesizedApp.stages().values()).allSatisfy(stage -> {
            boolean prod = stage.environment().tier().isProduction();
            assertThat(stage.platform().getTerminationProtection()).isEqualTo(prod);
            stage.services().values().forEach(s -> assertThat(s.getTerminationProtection()).isEqualTo(prod));
        });
        // Asserted on the cloud assembly too: that is what the CLI reads.
        var artifact = SynthesizedApp.stage("prod").synth().getStackByName("prod-platform");
        assertThat(artifact.getTerminationProtection()).isTrue();
    }

    @Test
    void serviceStacksDependOnThePlatformAndNeverTheOtherWayRound() {
        EnvironmentStage dev = SynthesizedApp.stage("dev");
        ServiceStack web = dev.services().get("web");
        assertThat(web.getDependencies()).contains(dev.platform());
        assertThat(dev.platform().getDependencies()).isEmpty();
        String platformJson = SynthesizedApp.platform("dev").toJSON().toString();
        assertThat(platformJson).doesNotContain("dev-service-web").doesNotContain("Fn::ImportValue");
    }

    @Test
    void tagsEveryResourceWithEnvironmentOwnerAndService() {
        Template service = SynthesizedApp.service("test", "web");
        service.hasResourceProperties("AWS::ECS::Service", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "environment", "Value", "test"),
                Map.of("Key", "owner", "Value", "platform-team"),
                Map.of("Key", "service", "Value", "web")))));
        SynthesizedApp.platform("test").hasResourceProperties("AWS::EC2::VPC", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "environment", "Value", "test"),
                Map.of("Key", "owner", "Value", "platform-team")))));
    }

    @Test
    void namesStacksFromOneHelper() {
        var environment = SynthesizedApp.stage("dev").environment();
        assertThat(StackNames.platform(environment)).isEqualTo("dev-platform");
        assertThat(StackNames.service(environment, "web")).isEqualTo("dev-service-web");
    }
}
