package dev.ecsplatform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synth stopped by rule findings is described finding by finding, from the cloud assembly's report. */
class ValidationReportTest {

    @Test
    void listsEachFindingWithRuleAndConstructPath(@TempDir Path outdir) throws Exception {
        // GIVEN the report CDK writes when a rule pack fails, and the error jsii raises
        Path report = outdir.resolve("validation-report.json");
        Files.writeString(report, """
                {"pluginReports": [{"pluginName": "AwsSolutions", "conclusion": "failure", "violations": [
                  {"ruleName": "AwsSolutions-EC23", "severity": "error",
                   "description": "The Security Group allows for 0.0.0.0/0 inbound access.\\nMore text.",
                   "violatingConstructs": [{"constructPath": "dev/platform/LoadBalancer-public/SecurityGroup/Resource"}]}]}]}
                """);
        RuntimeException failure = new RuntimeException(
                "ValidationFailed: Validation failed. A copy of this report can be found in: " + report);

        // WHEN / THEN
        assertThat(ValidationReport.describeFailure(failure, Fixtures.app())).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Synthesis stopped: rule findings without an acknowledgment (full report: " + report + ")")
                .contains("\n  error AwsSolutions-EC23 at dev/platform/LoadBalancer-public/SecurityGroup/Resource: "
                        + "The Security Group allows for 0.0.0.0/0 inbound access.\n"
                        + "    from loadBalancers.public in environments/dev.yaml (or environments/base.yaml, which it is merged over)\n")
                .doesNotContain("More text")
                .endsWith("reason naming the compensating control)."));
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(ValidationReport.describeFailure(new RuntimeException("something else broke"), Fixtures.app())).isEmpty();
    }
}
