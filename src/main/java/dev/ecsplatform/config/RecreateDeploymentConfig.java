package dev.ecsplatform.config;

/** Copilot's "recreate": every old task stops before a new one starts. */
@VariantName("recreate")
@Doc("Stops every running task, then starts the new version: an ECS rolling update at minHealthyPercent 0 and maxPercent "
        + "100, what Copilot calls `recreate`. Only one version ever runs, which suits a dev service that must not run "
        + "twice (a single consumer of a queue, a schema migration at start-up) or a cluster too small for two copies; the "
        + "service is down from the moment the old tasks stop until the new ones pass their health checks. The circuit "
        + "breaker with rollback is on, as for rolling. Not allowed in prod.")
public record RecreateDeploymentConfig() implements DeploymentConfig {

    /** No task may keep running while the new ones start. */
    public static final int MIN_HEALTHY_PERCENT = 0;

    /** No new task may start beside the desired count of old ones. */
    public static final int MAX_PERCENT = 100;
}
