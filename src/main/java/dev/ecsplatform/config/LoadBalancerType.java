package dev.ecsplatform.config;

/** The kind of Elastic Load Balancer. Network load balancers are on the roadmap and plug in here. */
public enum LoadBalancerType implements YamlEnum {
    /** An Application Load Balancer (HTTP, layer 7), shared by services through listener rules. */
    APPLICATION("application");

    private final String yamlName;

    LoadBalancerType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
