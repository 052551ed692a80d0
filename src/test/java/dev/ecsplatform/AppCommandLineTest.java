package dev.ecsplatform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.TestEnvironments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app as a user runs it: a child JVM with the project's class path, started in a directory
 * that holds an {@code environments/} folder. No case reaches CDK or jsii: a configuration
 * problem stops the app before any construct exists, and {@code print-config} and the usage never
 * build one.
 */
class AppCommandLineTest {

    private static final String VALID_DEV = TestEnvironments.minimal("dev");

    @TempDir
    Path projectDirectory;

    @Test
    void printsEveryConfigProblemWithoutAStackTraceAndExitsWithOne() throws Exception {
        // GIVEN one problem in each environment file
        write("dev.yaml", VALID_DEV + """
                    compute: { fargate: { memory: 300 } }
                """);
        write("prod.yaml", """
                tier: production
                """);

        // WHEN
        Result result = run();

        // THEN
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains(
                "environments/dev.yaml:12:35 services.web.compute.fargate.memory: 300 is not valid with cpu 256 on Fargate; use one of 512, 1024, 2048\n",
                "environments/prod.yaml:1:7 tier: 'production' is not allowed; use one of dev, test, prod\n");
        assertThat(result.stderr()).startsWith("5 problems in the environment files:\n")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void printConfigPrintsTheEffectiveConfigurationAndExitsWithZero() throws Exception {
        write("base.yaml", """
                owner: platform-team
                """);
        write("dev.yaml", VALID_DEV.replace("owner: platform-team\n", ""));

        Result result = run("print-config", "dev");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).startsWith("# effective configuration of environment 'dev'\n")
                .contains("owner: platform-team\n", "maxAzs: 2\n", "natGateways:\n      count: 1\n", "retentionDays: 30\n",
                        "image: nginx\n", "memory: 512\n", "minTasks: 1\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void printConfigOfAnEnvironmentWithoutFileNamesTheEnvironmentsThatExist() throws Exception {
        write("dev.yaml", VALID_DEV);

        Result result = run("print-config", "prod");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("1 problem in the environment files:\n"
                + "environments/prod.yaml:1:1 no such environment; environments here: dev\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpPrintsTheUsageAndExitsWithZero(String argument) throws Exception {
        Result result = run(argument);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(App.USAGE)
                .startsWith("usage: tools/cdk-app [print-config <environment> | --help]\n")
                .contains("(no arguments)", "print-config <environment>", "-h, --help, help");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void anUnknownArgumentPrintsTheUsageToStderrAndExitsWithTwo() throws Exception {
        Result result = run("--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("unknown argument: --bogus\n\n" + App.USAGE);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void printConfigWithoutAnEnvironmentPrintsTheUsageToStderrAndExitsWithTwo() throws Exception {
        Result result = run("print-config");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("print-config takes one environment name\n\n" + App.USAGE);
        assertThat(result.stdout()).isEmpty();
    }

    private void write(String fileName, String yaml) throws IOException {
        Path environments = Files.createDirectories(projectDirectory.resolve("environments"));
        Files.writeString(environments.resolve(fileName), yaml, StandardCharsets.UTF_8);
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                App.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(projectDirectory.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not exit within 60 s; stderr so far: " + stderr.getNow(""));
        }
        return new Result(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
