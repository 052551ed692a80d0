package dev.ecsplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsplatform.config.EnvironmentLoader;
import dev.ecsplatform.testkit.BuiltApp;
import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.GoldenTemplates;
import dev.ecsplatform.testkit.SynthesizedApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fixture shape (a worker, an internal load balancer, several services on one load balancer, prod)
 * survives a full synth as {@code cdk synth} runs it. The template tests read stacks one by one and never
 * run the rule packs or aws-cdk-lib's built-in template validator; CI runs both, but only on the team's
 * environments, which may not have every shape. A pack that throws on a shape (as cdk-nag's EC23 did on an
 * internal load balancer's token CIDR), an unacknowledged finding, or a property CloudFormation would
 * reject (a security group description with an apostrophe) only shows here.
 */
class FixtureSynthTest {

    @TempDir
    Path project;

    @Test
    void everyFixtureShapeSynthesizesWithItsRulePacks() {
        // A fresh app: the shared one may already hold a cached assembly from the template tests.
        BuiltApp app = new BuiltApp(EnvironmentLoader.loadAll(Fixtures.DIRECTORY), Fixtures.CONTEXT);
        assertThatCode(() -> app.app().synth()).doesNotThrowAnyException();
    }

    @Test
    void everyFixtureShapePassesTheBuiltInTemplateValidator() throws Exception {
        // GIVEN a project with the fixtures as its environments and their availability zones cached
        Path environments = Files.createDirectories(project.resolve(App.ENVIRONMENTS));
        try (Stream<Path> files = Files.list(Fixtures.DIRECTORY)) {
            for (Path file : files.toList()) {
                Files.copy(file, environments.resolve(file.getFileName()));
            }
        }
        Files.copy(SynthesizedApp.PROJECT.resolve("cdk.json"), project.resolve("cdk.json"));
        ObjectNode context = GoldenTemplates.JSON.createObjectNode();
        Fixtures.CONTEXT.forEach((key, value) -> context.set(key, GoldenTemplates.JSON.valueToTree(value)));
        Files.writeString(project.resolve("cdk.context.json"), context.toString());

        // WHEN the app synthesizes it in a JVM of its own with the validator on (the test JVM has it off)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), App.class.getName()));
        Path log = project.resolve("synth.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CDK_VALIDATION", "true");
        builder.environment().remove("CDK_OUTDIR");
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the synth finished within 120 s; output so far:\n%s", output).isTrue();

        // THEN it succeeds, and the validator did run and found nothing
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode report = GoldenTemplates.JSON.readTree(project.resolve("cdk.out/validation-report.json").toFile());
        List<String> plugins = new ArrayList<>();
        report.path("pluginReports").forEach(plugin -> plugins.add(plugin.path("pluginName").asText() + " "
                + plugin.path("conclusion").asText()));
        assertThat(plugins).contains("CloudFormation Validate success").allMatch(line -> line.endsWith(" success"));
        // Kept for .ci/run, which runs cfn-lint on every fixture shape too (the team's environments may lack some).
        Path kept = SynthesizedApp.PROJECT.resolve("target/fixture-cdk.out");
        copyTree(project.resolve("cdk.out"), kept);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path path : tree.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }
}
