package dev.ecsplatform.config;

/** An ECS rolling update; the deployment circuit breaker with rollback is always on. */
@VariantName("rolling")
@Doc("An ECS rolling update. The deployment circuit breaker with rollback is always on: a version whose tasks never "
        + "become healthy rolls back instead of hanging `cdk deploy`.")
public record RollingDeploymentConfig(
        @Range(min = 0, max = 100)
        @Default("100")
        @Doc(value = "Share of the desired task count that must stay healthy during a deployment. 100 never drops below "
                + "the desired capacity (CDK's default of 50 halves it).", rules = "prod: only 100")
        int minHealthyPercent,

        @Range(min = 100, max = 200)
        @Default("200")
        @Doc(value = "Ceiling on running tasks during a deployment, as a share of the desired count.",
                rules = "greater than `minHealthyPercent`")
        int maxPercent) implements DeploymentConfig {
}
