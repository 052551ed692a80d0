package dev.ecsplatform.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One containerized service. It gets its own stack, so it can be destroyed and recreated without
 * touching the network, cluster or load balancer other services share.
 *
 * @param image                   the container image, e.g. {@code public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine};
 *                                required. In prod it must be pinned (a tag other than {@code latest}, or a digest)
 *                                unless {@code allowUnpinnedImage} is set
 * @param allowUnpinnedImage      an explicit opt-out of prod's pinned-image rule, for a service that must follow a
 *                                moving tag; omitted means false (prod rejects an image without a tag, or tagged
 *                                {@code latest}). Changes nothing outside prod
 * @param family                  the task definition family, 1 to 255 letters, digits, hyphens and underscores, unique
 *                                among the environment's services; omitted means {@code <environment>-<service>},
 *                                e.g. {@code dev-web}
 * @param containerName           the name of the service's container, same characters; omitted means the service name
 * @param command                 the container's command, replacing the image's CMD (its ENTRYPOINT stays); omitted means
 *                                the image's own
 * @param port                    the port the container listens on; required with {@code loadBalancer}, optional for a
 *                                worker (omitted means the container maps no port)
 * @param cpu                     Fargate CPU units: 256, 512, 1024, 2048, 4096, 8192 or 16384; omitted means 256
 * @param memory                  Fargate memory in MiB, valid for the CPU size; omitted means the smallest valid for {@code cpu}
 * @param user                    the user (UID, user name or UID:GID) the container runs as; required, because AWS
 *                                Control Tower's CT.ECS.PR.3 fails a container that names no non-root user.
 *                                {@code root} and {@code 0} are rejected
 * @param readonlyRootFilesystem  whether the container's root file system is read-only; omitted means true
 * @param writablePaths           paths that stay writable (an empty task-scoped volume each) when the root file
 *                                system is read-only; omitted means {@code [/tmp]}
 * @param environment             plain environment variables; names that look like secrets, and values that are
 *                                secrets, are rejected. Omitted means none
 * @param secrets                 container secrets by variable name, fetched by ECS from Secrets Manager or SSM Parameter
 *                                Store at task start; a name may not also be under {@code environment}. Omitted means none
 * @param taskRole                what the application may do in AWS; omitted means a task role with no permissions
 * @param loadBalancer            the route on a shared load balancer that brings requests to the service; omitted
 *                                means none: a worker that takes no inbound traffic (no target group, no rule)
 * @param healthCheck             load-balancer and container health checks; omitted means the fast-deploy defaults
 * @param scaling                 task count and CPU target tracking; omitted means the defaults of {@link ScalingConfig}
 * @param capacity                capacity provider strategy; omitted means all tasks on FARGATE
 * @param deployment              how new versions roll out; omitted means a rolling deployment with circuit-breaker rollback
 */
public record ServiceConfig(
        String image,
        boolean allowUnpinnedImage,
        String family,
        String containerName,
        List<String> command,
        Optional<Integer> port,
        int cpu,
        int memory,
        String user,
        boolean readonlyRootFilesystem,
        List<String> writablePaths,
        Map<String, String> environment,
        Map<String, SecretConfig> secrets,
        TaskRoleConfig taskRole,
        Optional<RouteConfig> loadBalancer,
        HealthCheckConfig healthCheck,
        ScalingConfig scaling,
        List<CapacityConfig> capacity,
        DeploymentConfig deployment) {

    public ServiceConfig {
        command = List.copyOf(command);
        writablePaths = List.copyOf(writablePaths);
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        capacity = List.copyOf(capacity);
    }
}
