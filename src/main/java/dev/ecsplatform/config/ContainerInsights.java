package dev.ecsplatform.config;

/**
 * The CloudWatch Container Insights level of the cluster. There is no level "disabled" on purpose: every service's
 * tasks-below-desired and no-healthy-hosts alarms read Container Insights' task counts (ServiceAlarms).
 */
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
