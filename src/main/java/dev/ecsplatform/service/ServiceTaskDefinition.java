package dev.ecsplatform.service;

import dev.ecsplatform.compliance.Acknowledgments;
import dev.ecsplatform.config.FargateConfig;
import dev.ecsplatform.config.HealthCheckConfig;
import dev.ecsplatform.config.ServiceConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.constructs.IConstruct;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import dev.ecsplatform.logging.LogStorage;
import software.constructs.Construct;

/**
 * A service's Fargate task definition: one essential container with its health check (if it has one), an explicit
 * log group, an execution role (pulls the image, writes logs) kept apart from the task role (what
 * the application itself may do), both trusting only this account's ECS tasks, and a read-only
 * root file system with task-scoped scratch volumes, prepared by {@link WritableVolumes}, for the
 * paths that must stay writable.
 */
public final class ServiceTaskDefinition extends Construct {

    /**
     * What the app container leaves of the task's memory for ECS's Service Connect proxy, which ECS adds to the
     * task without a limit of its own: AWS recommends at least 64 MiB for it (ECS guide, "Service Connect
     * components"), and the app container's hard limit must leave it room.
     */
    static final int SERVICE_CONNECT_PROXY_MEMORY_MIB = 64;


    /** ECS caps a container health check's start period at 300 s. */
    private static final int MAX_CONTAINER_START_PERIOD_SECONDS = 300;

    /**
     * Inputs of the task definition.
     *
     * @param serviceName      the service's name, used as the log stream prefix
     * @param config           the service settings
     * @param fargate          the task size (the compute variant it runs on)
     * @param serviceConnectProxy whether ECS adds its Service Connect proxy to the tasks, which needs a share of the memory
     * @param logRetentionDays how long its logs are kept
     * @param logs             how the log group is kept (retained and KMS-encrypted in prod)
     */
    public record Props(String serviceName, ServiceConfig config, FargateConfig fargate, boolean serviceConnectProxy,
            int logRetentionDays, LogStorage logs) {
    }

    private final FargateTaskDefinition taskDefinition;
    private final ContainerDefinition container;
    private final LogGroup logGroup;
    private final String serviceName;
    private final Role executionRole;

    public ServiceTaskDefinition(Construct scope, String id, Props props) {
        super(scope, id);
        ServiceConfig config = props.config();
        Stack stack = Stack.of(this);
        this.logGroup = props.logs().newLogGroup(this, "Logs", props.logRetentionDays());
        this.serviceName = props.serviceName();
        // Both roles trust ECS tasks of this account only (confused-deputy prevention, IAM guide); the task
        // role also names this region's ECS resources, as the ECS guide's task-role example does.
        this.executionRole = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()))))
                .description("Pulls the image and writes logs for service " + props.serviceName())
                .build();
        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn",
                                "arn:" + stack.getPartition() + ":ecs:" + stack.getRegion() + ":" + stack.getAccount() + ":*"))))
                .description("What the application of service " + props.serviceName() + " may do")
                .build();
        new TaskRolePermissions(this, "TaskRolePermissions", config.taskRole(), "services." + props.serviceName() + ".taskRole", taskRole);
        this.taskDefinition = FargateTaskDefinition.Builder.create(this, "TaskDefinition")
                // Readable and stable (dev-web:7 in the console and CLI); a family is safe to fix because every
                // change registers a new revision of it rather than replacing anything.
                .family(config.family())
                .cpu(props.fargate().cpu())
                .memoryLimitMiB(props.fargate().memory())
                .executionRole(executionRole)
                .taskRole(taskRole)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();

        ContainerImages.Resolved image = ContainerImages.resolve(this, config.image());
        HealthCheckConfig health = config.healthCheck();
        // The loader leaves writablePaths empty when the root file system is writable (it rejects the pair).
        boolean preparesVolumes = !config.writablePaths().isEmpty();
        ContainerDefinitionOptions.Builder options = ContainerDefinitionOptions.builder()
                // The name deployment tooling (the load balancer mapping, CodeDeploy AppSpecs, ECS Exec) refers to.
                .containerName(config.containerName())
                .image(image.image())
                .essential(true)
                .logging(logDriver(props.serviceName()))
                .readonlyRootFilesystem(config.readonlyRootFilesystem())
                .privileged(false)
                // A hard limit (CT.ECS.PR.7, checklist item 35): the task's memory less what the volume
                // preparation container reserves, so the hard limits never add up to more than the task has.
                .memoryLimitMiB(props.fargate().memory() - (preparesVolumes ? WritableVolumes.INIT_CONTAINER_MEMORY_MIB : 0)
                        - (props.serviceConnectProxy() ? SERVICE_CONNECT_PROXY_MEMORY_MIB : 0))
                .stopTimeout(Duration.seconds(config.stopTimeoutSeconds()));
        if (!config.command().isEmpty()) {
            options.command(config.command());
        }
        // TCP always, named when Service Connect publishes it; UDP as well on the same port when an NLB listener
        // carries UDP to the container.
        boolean udp = config.traffic().nlb().filter(listener -> listener.protocol().carriesUdp()).isPresent();
        config.port().ifPresent(port -> {
            PortMapping.Builder tcp = PortMapping.builder().containerPort(port).protocol(Protocol.TCP);
            config.traffic().connect().ifPresent(connect -> tcp.name(ServiceConnectRoute.PORT_MAPPING_NAME));
            options.portMappings(udp
                    ? List.of(tcp.build(), PortMapping.builder().containerPort(port).protocol(Protocol.UDP).build())
                    : List.of(tcp.build()));
        });
        // A worker without a port and without a configured command has no container health check: ECS then
        // counts a task healthy while its essential container runs.
        if (!health.command().isEmpty()) {
            options.healthCheck(HealthCheck.builder()
                    .command(health.command())
                    .interval(Duration.seconds(30))
                    .timeout(Duration.seconds(5))
                    .retries(3)
                    .startPeriod(Duration.seconds(Math.min(health.gracePeriodSeconds(), MAX_CONTAINER_START_PERIOD_SECONDS)))
                    .build());
        }
        options.user(config.user());
        if (!config.environment().isEmpty()) {
            options.environment(new TreeMap<>(config.environment()));
        }
        if (!config.secrets().isEmpty()) {
            options.secrets(new ContainerSecrets(this, "Secrets", config.secrets(), executionRole).secrets());
        }
        this.container = taskDefinition.addContainer("Container", options.build());
        if (!config.environment().isEmpty()) {
            Acknowledgments.acknowledge(taskDefinition, "AwsSolutions-ECS2",
                    "Plain variables carry only non-secret settings: the config loader rejects names that look like "
                            + "secrets (password, token, key, ...), and secrets are injected from Secrets Manager instead.");
        }
        if (preparesVolumes) {
            new WritableVolumes(this, "WritableVolumes", new WritableVolumes.Props(
                    taskDefinition, container, config.writablePaths(), logDriver(props.serviceName())));
        }

        // The awslogs grant in addContainer makes CDK add this policy; a CDK release that names it
        // differently must fail here (findChild throws), not silently drop the acknowledgment.
        Acknowledgments.acknowledge(executionRolePolicy(), "NIST.800.53.R5-IAMNoInlinePolicy",
                "CDK writes the execution role's grants inline, each scoped to this service's log group (and image repository); "
                        + "a managed policy could be attached elsewhere. The review report requires approval when this access widens.");
        if (image.fromEcr()) {
            Acknowledgments.acknowledge(executionRolePolicy(), "AwsSolutions-IAM5[Resource::*]",
                    "ecr:GetAuthorizationToken has no resource-level permissions (ECR guide, \"Private registry authentication\"); "
                            + "the pull actions themselves are granted on the one image repository only.");
        }
    }

    /** Every container of the task logs to the service's log group, in streams {@code <service>/<container>/<task id>}. */
    private LogDriver logDriver(String serviceName) {
        return LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix(serviceName).build());
    }

    /** Where ECS's Service Connect proxy logs: the service's log group, like every container of the task. */
    public LogDriver proxyLogDriver() {
        return logDriver(serviceName);
    }

    /** The task definition. */
    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** The essential container. */
    public ContainerDefinition container() {
        return container;
    }

    /** The execution role's policy, which CDK fills with the grants the task's start needs (logs, image, secrets). */
    public IConstruct executionRolePolicy() {
        return executionRole.getNode().findChild("DefaultPolicy");
    }

    /** The log group the container writes to. */
    public ILogGroup logGroup() {
        return logGroup;
    }
}
