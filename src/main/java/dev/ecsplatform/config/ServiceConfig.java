package dev.ecsplatform.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One containerized service: its container, and its three independent choices, how requests reach it
 * ({@link #traffic()}), what it runs on ({@link #compute()}) and how new versions roll out
 * ({@link #deployment()}), each bound by one binding in the service stack (ADR 0007).
 */
@Doc("One containerized service. It gets its own stack, so it can be destroyed and recreated without touching the "
        + "network, cluster or load balancer other services share.")
public record ServiceConfig(
        @Required("a container image reference, e.g. public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine")
        @Matches(regex = "[^\\s]+", problem = "is not an image reference", allowed = "a reference without spaces")
        @Doc(value = "The container image, e.g. `public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine` (public ECR has no "
                + "Docker Hub anonymous pull limits). In prod it must be pinned, with a tag other than `latest` or a digest, "
                + "so that a task started later (scale-out, replacement) runs the same build as the others; "
                + "`registry:5000/app` has no tag. An image in a private ECR registry "
                + "(`<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`) gets the execution role exactly the pull "
                + "rights on that repository; a repository in another account also needs a repository policy there that "
                + "allows this account's `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer` and `ecr:BatchCheckLayerAvailability`.",
                rules = "a digest is `@sha256:` and 64 lower-case hex digits; prod: pinned")
        String image,

        @Default("false")
        @Doc("An explicit opt-out of prod's pinned-image rule, for a service that must follow a moving tag. Changes "
                + "nothing outside prod.")
        boolean allowUnpinnedImage,

        @Default(computed = "defaultFamily", means = "`<environment>-<service>`, e.g. `dev-web`")
        @Matches(regex = CommonFieldValues.ECS_NAME, problem = "is not a task definition family",
                allowed = CommonFieldValues.ECS_NAME_ALLOWED)
        @Doc(value = "The task definition family. A family is one per account and region, hence the environment prefix.",
                rules = "unique among the environment's services")
        String family,

        @Default(computed = "defaultContainerName", means = "the service name")
        @Matches(regex = CommonFieldValues.ECS_NAME, problem = "is not a container name",
                allowed = CommonFieldValues.ECS_NAME_ALLOWED)
        @Doc("The name of the service's container, as logs and the console show it.")
        String containerName,

        @Default("[]")
        @Doc("The container's command, replacing the image's `CMD` (its `ENTRYPOINT` stays), e.g. a worker's "
                + "`[sh, -c, \"exec worker --queue orders\"]`. Empty means the image's own.")
        List<String> command,

        @Range(min = 2, max = 120)
        @Default("30")
        @Doc("Seconds the container gets between SIGTERM and SIGKILL to finish its work and exit cleanly; 120 is "
                + "Fargate's maximum. Behind a load balancer ECS stops a task only after its target has drained, so this "
                + "covers shutdown only; a worker uses it to finish the job in hand. 30 is ECS's own default, written out "
                + "so the template says it.")
        int stopTimeoutSeconds,

        @Range(min = 1, max = 65535)
        @Doc(value = "The port the container listens on.", rules = "required with `traffic.alb`",
                omitted = "none: the container maps no port (a worker)")
        Optional<Integer> port,

        @Required("the non-root UID (or UID:GID) the image runs as, e.g. \"1000\" (Control Tower CT.ECS.PR.3 requires "
                + "every container to name a non-root user)")
        @Matches(regex = "([0-9]+|[a-z_][a-z0-9_-]*)(:([0-9]+|[a-z_][a-z0-9_-]*))?", problem = "is not a user",
                allowed = "a UID, a user name, or UID:GID such as 1000:1000")
        @Doc(value = "The non-root user the container runs as; write a UID in quotes (`\"101\"`). Required because AWS "
                + "Control Tower's CT.ECS.PR.3 fails every container that does not name a non-root user: the image's own "
                + "user is invisible to the template, and often root.", rules = "not `root` or `0`")
        String user,

        @Default("true")
        @Doc("Whether the container's root file system is read-only.")
        boolean readonlyRootFilesystem,

        @Default(computed = "defaultWritablePaths", means = "`[/tmp]` (none when `readonlyRootFilesystem` is `false`)")
        @Doc(value = "Paths that stay writable (an empty task-scoped volume each) when the root file system is read-only. "
                + "Most runtimes need a scratch directory; everything else stays read-only. ECS creates these volumes owned "
                + "by root, so a short-lived init container, `prepare-writable-paths`, opens them (`chmod 1777`, like "
                + "`/tmp`) before the app starts ([ADR 0006](decisions/0006-writable-paths.md)); it reserves 32 MiB of "
                + "the task's memory. The volume name is the path without its leading slash, with every character other "
                + "than letters, digits, `_` and `-` replaced by `-`, so `/var/cache` and `/var-cache` cannot both be listed.",
                rules = "absolute paths below `/`, each once, no two with the same volume name; empty when "
                        + "`readonlyRootFilesystem` is `false`")
        List<String> writablePaths,

        @Default("{}")
        @KeysMatch(regex = CommonFieldValues.VARIABLE_NAME, problem = "is not a valid variable name",
                allowed = CommonFieldValues.VARIABLE_NAME_ALLOWED)
        @Doc(value = "Plain environment variables. Names that look like secrets, and values that are secrets, are rejected; "
                + "secrets go under `secrets`. Quote values that YAML would read as numbers or booleans.",
                rules = "names not secret-like; values without an AWS access key ID or URL password")
        Map<String, String> environment,

        @Default("{}")
        @KeysMatch(regex = CommonFieldValues.VARIABLE_NAME, problem = "is not a valid variable name",
                allowed = CommonFieldValues.VARIABLE_NAME_ALLOWED)
        @Doc(value = "Container secrets, each an environment variable that ECS fills from Secrets Manager or SSM Parameter "
                + "Store when a task starts, so the value never appears in the task definition.",
                rules = "names not also under `environment`")
        Map<String, SecretConfig> secrets,

        @Default("{}")
        @Doc("What the application in the container may do in AWS; omitted, a task role with no permissions.")
        TaskRoleConfig taskRole,

        @Default("{}")
        @Doc("How requests reach the service; omitted or empty, none: a worker, with no target group, no listener rule "
                + "and no ingress rule on its tasks' security group, that scales on CPU like any service.")
        TrafficConfig traffic,

        @Default("{}")
        @Doc("The container's own health check and the grace period for new tasks.")
        HealthCheckConfig healthCheck,

        @Default("{fargate: {}}")
        @Doc("What the tasks run on; omitted, Fargate with 256 CPU units, 512 MiB and every task on FARGATE.")
        ComputeConfig compute,

        @Default("{rolling: {}}")
        @Doc("How new versions roll out; omitted, a rolling deployment at 100% / 200% with circuit-breaker rollback.")
        DeploymentConfig deployment,

        @Default("{}")
        @Doc("Task count and autoscaling; omitted, 1 task (prod: 2) up to 4x, tracking 70% CPU, with no schedule.")
        ScalingConfig scaling,

        @Default("{}")
        @Doc("The service's own alarm thresholds; omitted, the environment's (`alarms`).")
        ServiceAlarmsConfig alarms,

        @Default("[]")
        @Matches(regex = "sg-([0-9a-f]{8}|[0-9a-f]{17})", problem = "is not a security group ID",
                allowed = "sg- followed by 8 or 17 lower-case hex digits, e.g. sg-0123456789abcdef0")
        @Doc(value = "Existing security groups the tasks wear besides their own, given by ID like `awsvpcConfiguration`'s "
                + "`securityGroups`: e.g. a group a database admits. They are attached as they are; the product adds no "
                + "rule to them.", rules = "groups of the environment's VPC; each once; with the task's own group, one per load "
                + "balancer it is behind and the Service Connect group, at most 5 (ECS's default per network interface)")
        List<String> securityGroups,

        @Default("[]")
        @Matches(regex = CommonFieldValues.SUBNET_ID, problem = "is not a subnet ID",
                allowed = CommonFieldValues.SUBNET_ID_ALLOWED)
        @Doc(value = "Places the service's tasks in these of an existing network's private subnets only, like "
                + "`awsvpcConfiguration`'s `subnets`: e.g. the subnets a database's network ACLs admit. Empty means all "
                + "of them.", rules = "only with `network.existing`, each one of its `privateSubnets`, once; prod: in at "
                + "least 2 availability zones")
        List<String> subnets) {

    public ServiceConfig {
        command = List.copyOf(command);
        writablePaths = List.copyOf(writablePaths);
        subnets = List.copyOf(subnets);
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        securityGroups = List.copyOf(securityGroups);
    }

    /** Prefixed by the environment, because a family is one per account and region and environments may share an account. */
    static String defaultFamily(DefaultContext context) {
        return environmentScopedName(context.environment(), context.entryName().orElseThrow());
    }

    /**
     * {@code <environment>-<service>}: the name of what is one per account and region (a task definition family, an
     * alarm, a dashboard), so that environments sharing an account keep apart.
     */
    public static String environmentScopedName(String environment, String serviceName) {
        return environment + "-" + serviceName;
    }

    /** The container is named after its service, which logs and the console show. */
    static String defaultContainerName(DefaultContext context) {
        return context.entryName().orElseThrow();
    }

    /** A path on a writable root file system would be ignored (and is rejected), so the effective config stays loadable. */
    static List<String> defaultWritablePaths(DefaultContext context) {
        return context.sibling("readonlyRootFilesystem", Boolean.class) ? List.of("/tmp") : List.of();
    }
}
