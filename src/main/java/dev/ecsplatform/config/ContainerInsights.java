package dev.ecsplatform.config;

/** The CloudWatch Container Insights level of the cluster. */
public enum ContainerInsights implements YamlEnum {
    /** Cluster- and service-level metrics. */
    ENABLED("enabled"),
    /** Adds task- and container-level metrics, at a higher CloudWatch cost. */
    ENHANCED("enhanced");

    private final String yamlName;

    ContainerInsights(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
