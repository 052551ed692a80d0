package dev.ecsplatform.config;

/** The protocol of a service's listener on a Network Load Balancer. */
public enum NlbProtocol implements YamlEnum {
    /** TCP, passed through to the task. */
    TCP("tcp"),
    /** TLS terminated at the load balancer with the listener's certificates, TCP to the task. */
    TLS("tls"),
    /** UDP, passed through to the task. */
    UDP("udp"),
    /** TCP and UDP on the same port, e.g. DNS. */
    TCP_UDP("tcp_udp");

    private final String yamlName;

    NlbProtocol(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** Whether the task receives UDP, so its port mapping and security-group rule must be UDP too. */
    public boolean carriesUdp() {
        return this == UDP || this == TCP_UDP;
    }

    /** Whether the task receives TCP. */
    public boolean carriesTcp() {
        return this != UDP;
    }
}
