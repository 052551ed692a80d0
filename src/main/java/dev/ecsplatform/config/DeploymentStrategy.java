package dev.ecsplatform.config;

/**
 * How a new task definition reaches production. Blue/green, canary, linear and CodeDeploy
 * strategies are on the roadmap and are added as constants here, each with its own settings block.
 */
public enum DeploymentStrategy implements YamlEnum {
    /** ECS rolling update with the deployment circuit breaker rolling back a failed deployment. */
    ROLLING("rolling");

    private final String yamlName;

    DeploymentStrategy(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
