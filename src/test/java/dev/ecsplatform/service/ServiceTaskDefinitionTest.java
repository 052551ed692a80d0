package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.SynthesizedApp;
import dev.ecsplatform.testkit.TestEnvironments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The task definition: sizes, roles, logging, health check and container hardening. */
class ServiceTaskDefinitionTest {

    private final Template dev = SynthesizedApp.service("dev", "web");

    @Test
    void sizesTheTaskFromConfig() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Cpu", "256", "Memory", "512", "NetworkMode", "awsvpc",
                "RequiresCompatibilities", List.of("FARGATE")));
        SynthesizedApp.service("prod", "web").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Cpu", "512", "Memory", "1024"));
    }

    @Test
    void keepsTheExecutionRoleApartFromTheTaskRole() {
        Capture executionRole = new Capture();
        Capture taskRole = new Capture();
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ExecutionRoleArn", Map.of("Fn::GetAtt", List.of(executionRole, "Arn")),
                "TaskRoleArn", Map.of("Fn::GetAtt", List.of(taskRole, "Arn"))));
        assertThat(executionRole.asString()).contains("ExecutionRole").isNotEqualTo(taskRole.asString());
        dev.allResourcesProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(
                Match.objectLike(Map.of("Principal", Map.of("Service", "ecs-tasks.amazonaws.com")))))));
        // The task role has no policy until the service asks for permissions; no managed policies anywhere.
        assertThat(dev.findResources("AWS::IAM::Policy")).hasSize(1);
        dev.allResourcesProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
    }

    @Test
    void logsThroughAwslogsIntoAnExplicitLogGroup() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Match.objectLike(Map.of(
                "LogConfiguration", Map.of(
                        "LogDriver", "awslogs",
                        "Options", Map.of(
                                "awslogs-group", Map.of("Ref", Match.stringLikeRegexp("TaskLogs")),
                                "awslogs-stream-prefix", "web",
                                "awslogs-region", "eu-west-1")))))));
        dev.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 14), "DeletionPolicy", "Delete"));
    }

    @Test
    void retainsTheLogGroupInProd() {
        SynthesizedApp.service("prod", "web").hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 365), "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void checksContainerHealthWithTheConfiguredPath() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Match.objectLike(Map.of(
                "HealthCheck", Map.of(
                        "Command", List.of("CMD-SHELL", "curl -fsS http://localhost:8080/ > /dev/null"
                                + " || wget -q -O /dev/null http://localhost:8080/ || exit 1"),
                        "Interval", 30, "Timeout", 5, "Retries", 3, "StartPeriod", 60),
                "StopTimeout", 30)))));
    }

    @Test
    void checksTheConfiguredPathAndCapsTheStartPeriodAtTheEcsMaximum() {
        var stage = TestEnvironments.stage("custom", TestEnvironments.BASE, TestEnvironments.CUSTOMIZED_SERVICE);
        Template.fromStack(stage.services().get("api")).hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("HealthCheck", Match.objectLike(Map.of(
                        "Command", List.of("CMD-SHELL", "curl -fsS http://localhost:8080/api/health > /dev/null"
                                + " || wget -q -O /dev/null http://localhost:8080/api/health || exit 1"),
                        // gracePeriodSeconds is 400; a container health check's start period stops at 300.
                        "StartPeriod", 300)))))));
    }

    @Test
    void runsReadOnlyAsTheConfiguredUserWithWritableScratchVolumes() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Name", "app",
                        "Essential", true,
                        "User", "101",
                        "Privileged", false,
                        "ReadonlyRootFilesystem", true,
                        "MountPoints", List.of(Map.of("ContainerPath", "/tmp", "ReadOnly", false, "SourceVolume", "tmp"))))),
                "Volumes", List.of(Map.of("Name", "tmp"))));
    }

    @Test
    void passesPlainEnvironmentVariablesSorted() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Match.objectLike(Map.of(
                "Environment", List.of(Map.of("Name", "NGINX_ENTRYPOINT_QUIET_LOGS", "Value", "1")))))));
    }

    @Test
    void aServiceWithoutVariablesHasNoEnvironmentAndNoAcknowledgment() {
        var stage = TestEnvironments.stage("novars", TestEnvironments.BASE, TestEnvironments.dev(""));
        Template service = Template.fromStack(stage.services().get("api"));
        service.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Match.objectLike(Map.of(
                "Environment", Match.absent(), "User", Match.absent())))));
    }

}
