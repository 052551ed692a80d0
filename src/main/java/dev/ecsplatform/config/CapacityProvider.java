package dev.ecsplatform.config;

/**
 * A capacity provider a service can place tasks on. EC2 capacity providers, when they come,
 * are added to the cluster and named here the same way.
 */
public enum CapacityProvider implements YamlEnum {
    FARGATE("fargate", "FARGATE"),
    FARGATE_SPOT("fargate-spot", "FARGATE_SPOT");

    private final String yamlName;
    private final String ecsName;

    CapacityProvider(String yamlName, String ecsName) {
        this.yamlName = yamlName;
        this.ecsName = ecsName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** The name ECS knows the provider by. */
    public String ecsName() {
        return ecsName;
    }
}
