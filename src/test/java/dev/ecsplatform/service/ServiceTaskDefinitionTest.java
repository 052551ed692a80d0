package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The task definition: sizes, roles, logging, health check and container hardening. */
class ServiceTaskDefinitionTest {

    private final Template dev = Fixtures.service("dev", "web");

    @Test
    void sizesTheTaskFromConfig() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Cpu", "256", "Memory", "512", "NetworkMode", "awsvpc",
                "RequiresCompatibilities", List.of("FARGATE")));
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
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
        // The task role has no policy until the service asks for permissions; no managed policies anywhere.
        assertThat(dev.findResources("AWS::IAM::Policy")).hasSize(1);
        dev.allResourcesProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
    }

    @Test
    void bothRolesTrustOnlyThisAccountsEcsTasks() {
        dev.allResourcesProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(
                Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "ecs-tasks.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of("StringEquals", Map.of("aws:SourceAccount", Fixtures.ACCOUNT)))))))));
        dev.hasResourceProperties("AWS::IAM::Role", Map.of(
                "Description", Match.stringLikeRegexp("^What the application"),
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of("Condition", Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Fixtures.ACCOUNT),
                        "ArnLike", Map.of("aws:SourceArn", "arn:aws:ecs:eu-west-1:" + Fixtures.ACCOUNT + ":*"))))))));
    }

    @Test
    void logsThroughAwslogsIntoAnExplicitLogGroup() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Name", "web",
                "LogConfiguration", Map.of(
                        "LogDriver", "awslogs",
                        "Options", Map.of(
                                "awslogs-group", Map.of("Ref", Match.stringLikeRegexp("TaskLogs")),
                                "awslogs-stream-prefix", "web",
                                "awslogs-region", "eu-west-1"))))))));
        dev.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 14), "DeletionPolicy", "Delete"));
    }

    @Test
    void retainsTheLogGroupInProd() {
        Fixtures.service("prod", "web").hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 365), "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void checksContainerHealthWithTheConfiguredPath() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Name", "web",
                "HealthCheck", Map.of(
                        "Command", List.of("CMD-SHELL", "curl -fsS http://localhost:8080/ > /dev/null"
                                + " || wget -q -O /dev/null http://localhost:8080/ || exit 1"),
                        "Interval", 30, "Timeout", 5, "Retries", 3, "StartPeriod", 60),
                "StopTimeout", 30))))));
    }

    @Test
    void givesTheContainerTheConfiguredTimeToStop() {
        Fixtures.service("shared", "queue-worker").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", "queue-worker", "StopTimeout", 110))))));
    }

    @Test
    void checksTheConfiguredPathAndCapsTheStartPeriodAtTheEcsMaximum() {
        Fixtures.service("shared", "orders").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("HealthCheck", Match.objectLike(Map.of(
                        "Command", List.of("CMD-SHELL", "curl -fsS http://localhost:9000/orders/health > /dev/null"
                                + " || wget -q -O /dev/null http://localhost:9000/orders/health || exit 1"),
                        // gracePeriodSeconds is 400; a container health check's start period stops at 300.
                        "StartPeriod", 300)))))));
    }

    @Test
    void runsReadOnlyAsTheConfiguredUserAfterAnInitContainerOpenedTheWritablePaths() {
        // ECS creates empty task volumes root-owned with mode 0755, so UID 101 could not write to /tmp; the
        // init container opens each volume first and the app starts only after it succeeded.
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(
                        Match.objectLike(Map.of(
                                "Name", "web",
                                "Essential", true,
                                "User", "101",
                                "Privileged", false,
                                "ReadonlyRootFilesystem", true,
                                "MountPoints", List.of(Map.of("ContainerPath", "/tmp", "ReadOnly", false, "SourceVolume", "tmp")),
                                "DependsOn", List.of(Map.of("ContainerName", WritableVolumes.INIT_CONTAINER_NAME, "Condition", "SUCCESS")))),
                        Match.objectLike(Map.of(
                                "Name", WritableVolumes.INIT_CONTAINER_NAME,
                                "Essential", false,
                                "User", "0",
                                "Privileged", false,
                                "ReadonlyRootFilesystem", true,
                                "Image", Match.stringLikeRegexp("^public\\.ecr\\.aws/.+@sha256:[0-9a-f]{64}$"),
                                "EntryPoint", Match.absent(),
                                "Command", List.of("chmod", "1777", "/volumes/tmp"),
                                "MountPoints", List.of(Map.of("ContainerPath", "/volumes/tmp", "ReadOnly", false, "SourceVolume", "tmp"))))),
                "Volumes", List.of(Map.of("Name", "tmp"))));
    }

    @Test
    void opensEveryWritablePathWithOneInitContainer() {
        Fixtures.service("shared", "web").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", WritableVolumes.INIT_CONTAINER_NAME,
                        "Command", List.of("chmod", "1777", "/volumes/tmp", "/volumes/var-cache-nginx"))))),
                "Volumes", List.of(Map.of("Name", "tmp"), Map.of("Name", "var-cache-nginx"))));
    }

    @Test
    void takesTheInitContainersMemoryOutOfTheAppContainersShare() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Memory", "512", "ContainerDefinitions", List.of(
                Match.objectLike(Map.of("Name", "web", "Memory", 512 - WritableVolumes.INIT_CONTAINER_MEMORY_MIB)),
                Match.objectLike(Map.of("Name", WritableVolumes.INIT_CONTAINER_NAME, "Memory", WritableVolumes.INIT_CONTAINER_MEMORY_MIB)))));
    }

    @Test
    void exceptsOnlyTheInitContainerFromTheNonRootControl() {
        dev.hasResource("AWS::ECS::TaskDefinition", Map.of("Metadata", Match.objectLike(Map.of(
                WritableVolumes.GUARD_EXCEPTIONS_METADATA, List.of(Map.of(
                        "control", "CT.ECS.PR.3",
                        "container", WritableVolumes.INIT_CONTAINER_NAME,
                        "reason", Match.stringLikeRegexp("root-owned")))))));
    }

    @Test
    void aWritableRootFileSystemNeedsNoInitContainerNorVolumes() {
        Fixtures.service("shared", "orders").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "ReadonlyRootFilesystem", false, "MountPoints", Match.absent(), "DependsOn", Match.absent(),
                        // the whole task less the Service Connect proxy's share (the shared fixture has Service Connect)
                        "Memory", 512 - ServiceTaskDefinition.SERVICE_CONNECT_PROXY_MEMORY_MIB, "Name", "orders"))),
                "Volumes", Match.absent()));
        assertThat(Fixtures.service("shared", "orders").toJSON().toString()).doesNotContain(WritableVolumes.GUARD_EXCEPTIONS_METADATA);
    }

    @Test
    void pullsAPrivateEcrImageWithExactlyThatRepositorysRights() {
        Template orders = Fixtures.service("shared", "orders");
        orders.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Match.objectLike(Map.of(
                "Image", Map.of("Fn::Join", List.of("", List.of(
                        "444455556666.dkr.ecr.eu-west-1.", Map.of("Ref", "AWS::URLSuffix"), "/orders:1.4.2"))))))));
        orders.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyName", Match.stringLikeRegexp("ExecutionRoleDefaultPolicy"),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of(
                                "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                                "Resource", "arn:aws:ecr:eu-west-1:444455556666:repository/orders")),
                        Match.objectLike(Map.of("Action", "ecr:GetAuthorizationToken", "Resource", "*")))))));
    }

    @Test
    void grantsNoRegistryRightsForAPublicImage() {
        assertThat(dev.toJSON().toString()).doesNotContain("ecr:");
    }

    @Test
    void passesPlainEnvironmentVariablesSorted() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Name", "web",
                "Environment", List.of(Map.of("Name", "NGINX_ENTRYPOINT_QUIET_LOGS", "Value", "1"))))))));
    }

    @Test
    void aServiceWithoutVariablesHasNoEnvironment() {
        Fixtures.service("shared", "orders").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Environment", Match.absent())))));
    }

    @Test
    void namesTheFamilyAndContainerReadablyByDefaultOrAsConfigured() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Family", "dev-web",
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "web"))))));
        Template admin = Fixtures.service("shared", "admin");
        admin.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Family", "backoffice-admin",
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "httpd"))))));
        // The load balancer sends traffic to the named container.
        admin.hasResourceProperties("AWS::ECS::Service", Map.of("LoadBalancers", List.of(Match.objectLike(Map.of(
                "ContainerName", "httpd", "ContainerPort", 8081)))));
    }

    @Test
    void injectsSecretsFromSecretsManagerAndSsmWithoutPuttingThemInTheTaskDefinition() {
        Fixtures.service("shared", "orders").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Secrets", List.of(
                        Map.of("Name", "API_TOKEN", "ValueFrom", "arn:aws:ssm:eu-west-1:" + Fixtures.ACCOUNT + ":parameter/orders/api-token"),
                        Map.of("Name", "DB_PASSWORD", "ValueFrom",
                                "arn:aws:secretsmanager:eu-west-1:" + Fixtures.ACCOUNT + ":secret:shared/orders/db:password::"),
                        Map.of("Name", "PARTNER_TOKEN", "ValueFrom",
                                "arn:aws:secretsmanager:eu-west-1:444455556666:secret:partner/token-AbCdEf")))))));
    }

    @Test
    void letsTheExecutionRoleReadExactlyTheConfiguredSecretsAndTheirKeys() {
        Template orders = Fixtures.service("shared", "orders");
        orders.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyName", Match.stringLikeRegexp("ExecutionRoleDefaultPolicy"),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        Map.of("Action", "kms:Decrypt", "Effect", "Allow",
                                "Resource", "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                        Map.of("Action", List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"),
                                "Effect", "Allow",
                                "Resource", List.of(
                                        // A name: any of the six-character suffixes Secrets Manager appends, and nothing else.
                                        "arn:aws:secretsmanager:eu-west-1:" + Fixtures.ACCOUNT + ":secret:shared/orders/db-??????",
                                        "arn:aws:secretsmanager:eu-west-1:444455556666:secret:partner/token-AbCdEf",
                                        // It may also be a name that only ends like a suffix; then its real ARN has one more.
                                        "arn:aws:secretsmanager:eu-west-1:444455556666:secret:partner/token-AbCdEf-??????")),
                        Map.of("Action", List.of("ssm:DescribeParameters", "ssm:GetParameter", "ssm:GetParameterHistory", "ssm:GetParameters"),
                                "Effect", "Allow",
                                "Resource", "arn:aws:ssm:eu-west-1:" + Fixtures.ACCOUNT + ":parameter/orders/api-token"))))));
        assertThat(dev.toJSON().toString()).as("a service without secrets reads none").doesNotContain("secretsmanager:").doesNotContain("ssm:");
    }

    @Test
    void grantsTheTaskRoleExactlyTheConfiguredStatementsAndPolicies() {
        Template orders = Fixtures.service("shared", "orders");
        orders.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyName", Match.stringLikeRegexp("TaskRoleDefaultPolicy"),
                "PolicyDocument", Map.of("Statement", List.of(
                        Map.of("Action", List.of("s3:GetObject", "s3:PutObject"), "Effect", "Allow",
                                "Resource", "arn:aws:s3:::orders-uploads/*"),
                        Map.of("Action", "sqs:SendMessage", "Effect", "Allow",
                                "Resource", "arn:aws:sqs:eu-west-1:" + Fixtures.ACCOUNT + ":orders-events")))));
        orders.hasResourceProperties("AWS::IAM::Role", Map.of(
                "Description", Match.stringLikeRegexp("^What the application"),
                "ManagedPolicyArns", List.of("arn:aws:iam::" + Fixtures.ACCOUNT + ":policy/orders-extra")));
    }

    @Test
    void acknowledgesAWildcardOnlyWithTheReasonTheConfigGives() {
        var policy = Fixtures.stage("shared").services().get("orders").getNode().findAll().stream()
                .filter(c -> c.getNode().getPath().endsWith("Task/TaskRole/DefaultPolicy")).findFirst().orElseThrow();
        List<String> acknowledged = new java.util.ArrayList<>();
        policy.getNode().getMetadata().stream()
                .filter(entry -> software.amazon.awscdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType()))
                .forEach(entry -> ((Map<?, ?>) entry.getData()).forEach((rule, reason) -> acknowledged.add(rule + " | " + reason)));
        assertThat(acknowledged).contains(
                "AwsSolutions-IAM5[Resource::arn:aws:s3:::orders-uploads/*] | as the config says at "
                        + "services.orders.taskRole.statements[0]: Uploads are keyed by order ID under one bucket prefix");
        assertThat(acknowledged).noneMatch(line -> line.contains("orders-events"));
    }
}
