package dev.ecsplatform.config;

/** How a Network Load Balancer checks its targets: a TCP connection, or an HTTP request. */
public enum NlbHealthCheckProtocol implements YamlEnum {
    TCP("tcp"),
    HTTP("http");

    private final String yamlName;

    NlbHealthCheckProtocol(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
