package dev.ecsplatform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.stage.EnvironmentStage;
import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.SynthesizedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.PolicyValidationPluginReport;

/**
 * Every rule pack registered on a stage (AwsSolutions everywhere, more where {@link RulePacks} says so)
 * finds nothing unacknowledged in that stage: no errors and no warnings. Asserted from the packs'
 * reports, not from synth throwing (checklist item 5).
 */
class CdkNagTest {

    @TestFactory
    Stream<DynamicTest> everyStageIsCleanUnderItsRulePacks() {
        List<DynamicTest> tests = new ArrayList<>();
        SynthesizedApp.stages().values().forEach(stage ->
                RulePacks.packsFor(stage.environment()).forEach((name, pack) ->
                        tests.add(DynamicTest.dynamicTest(stage.getStageName() + " " + name, () ->
                                assertClean(stage, name, pack.get().validateScope(stage))))));
        return tests.stream();
    }

    /** An existing VPC given by IDs (fixtures byoid, byoidprod) is as clean as one the product creates. */
    @TestFactory
    Stream<DynamicTest> anExistingNetworkIsCleanUnderItsRulePacks() {
        List<DynamicTest> tests = new ArrayList<>();
        Stream.of("byoid", "byoidprod").map(Fixtures::stage).forEach(stage ->
                RulePacks.packsFor(stage.environment()).forEach((name, pack) ->
                        tests.add(DynamicTest.dynamicTest(stage.getStageName() + " " + name, () ->
                                assertClean(stage, name, pack.get().validateScope(stage))))));
        return tests.stream();
    }

    private static void assertClean(EnvironmentStage stage, String pack, PolicyValidationPluginReport report) {
        List<String> findings = new ArrayList<>();
        report.getViolations().forEach(violation -> violation.getViolatingResources().forEach(resource ->
                findings.add(violation.getSeverity() + " " + violation.getRuleName() + " at " + resource.getConstructPath()
                        + ": " + violation.getDescription().lines().findFirst().orElse(""))));
        assertThat(findings)
                .as("unacknowledged %s findings in stage %s; fix them, or acknowledge on the narrowest construct with "
                        + "Acknowledgments.acknowledge(construct, ruleId, reason naming the compensating control)", pack,
                        stage.getStageName())
                .isEmpty();
    }
}
