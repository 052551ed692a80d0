package dev.ecsplatform.config;

/** The kind of Elastic Load Balancer. */
public enum LoadBalancerType implements YamlEnum {
    /** An Application Load Balancer (HTTP, layer 7), shared by services through listener rules. */
    APPLICATION("application", "AWS/ApplicationELB"),
    /** A Network Load Balancer (TCP, TLS, UDP, layer 4); each service brings its own listener port. */
    NETWORK("network", "AWS/NetworkELB");

    private final String yamlName;
    private final String metricNamespace;

    LoadBalancerType(String yamlName, String metricNamespace) {
        this.yamlName = yamlName;
        this.metricNamespace = metricNamespace;
    }

    /** The CloudWatch namespace of the load balancer's and its target groups' metrics. */
    public String metricNamespace() {
        return metricNamespace;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
