package dev.ecsplatform.config;

/** The kind of Elastic Load Balancer. */
public enum LoadBalancerType implements YamlEnum {
    /** An Application Load Balancer (HTTP, layer 7), shared by services through listener rules. */
    APPLICATION("application"),
    /** A Network Load Balancer (TCP, TLS, UDP, layer 4); each service brings its own listener port. */
    NETWORK("network");

    private final String yamlName;

    LoadBalancerType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
