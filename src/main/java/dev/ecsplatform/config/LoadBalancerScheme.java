package dev.ecsplatform.config;

/** Whether a load balancer faces the internet (public subnets) or only the VPC (private subnets). */
public enum LoadBalancerScheme implements YamlEnum {
    INTERNET_FACING("internet-facing"),
    INTERNAL("internal");

    private final String yamlName;

    LoadBalancerScheme(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
