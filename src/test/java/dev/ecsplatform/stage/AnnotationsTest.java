package dev.ecsplatform.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.SynthesizedApp;
import software.amazon.awscdk.assertions.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/**
 * No stack of the team's environments or of the fixtures carries a CDK warning or error annotation
 * (checklist item 60): CDK's own warnings, such as a missing circuit breaker or a default minimum
 * healthy percent, are fixed, not ignored.
 */
class AnnotationsTest {

    @Test
    void noStackHasWarningsOrErrors() {
        List<String> findings = new ArrayList<>();
        Map<EnvironmentStage, java.util.function.Function<Stack, Template>> stages = new java.util.LinkedHashMap<>();
        SynthesizedApp.stages().values().forEach(stage -> stages.put(stage, SynthesizedApp::template));
        Fixtures.stages().values().forEach(stage -> stages.put(stage, Fixtures::template));
        stages.forEach((stage, synthesize) -> {
            List<Stack> stacks = stage.stacks();
            for (Stack stack : stacks) {
                synthesize.apply(stack);
                Annotations annotations = Annotations.fromStack(stack);
                annotations.findWarning("*", Match.anyValue()).forEach(m -> findings.add("warning " + m.getId() + ": " + m.getEntry().getData()));
                annotations.findError("*", Match.anyValue()).forEach(m -> findings.add("error " + m.getId() + ": " + m.getEntry().getData()));
            }
        });
        assertThat(findings).isEmpty();
    }

    @Test
    void testsSynthesizeWithEveryFeatureFlagOfCdkJson() throws Exception {
        // The shared app reads cdk.json like the CLI does: every context value there is visible to constructs.
        @SuppressWarnings("unchecked")
        Map<String, Object> flags = (Map<String, Object>) new org.yaml.snakeyaml.Yaml()
                .<Map<String, Object>>load(java.nio.file.Files.readString(SynthesizedApp.PROJECT.resolve("cdk.json"))).get("context");
        assertThat(flags).hasSizeGreaterThan(50);
        flags.forEach((flag, value) -> assertThat(SynthesizedApp.app().getNode().tryGetContext(flag)).as(flag).isEqualTo(value));
    }
}
