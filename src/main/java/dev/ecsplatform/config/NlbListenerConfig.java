package dev.ecsplatform.config;

import java.util.List;
import java.util.Optional;

/** A listener of the service's own on a shared Network Load Balancer. */
@Doc("A listener of the service's own on a shared Network Load Balancer, forwarding to the service's target group. "
        + "The listener lives in the service's stack, so the blue/green kinds of deployment can shift it.")
public record NlbListenerConfig(
        @Required(value = "the key of a network load balancer under loadBalancers", keysOf = "loadBalancers")
        @Doc(value = "The load balancer that fronts the service.", rules = "a key under `loadBalancers` of `type: network`")
        String loadBalancer,

        @Required("the port clients connect to, 1 to 65535")
        @Range(min = 1, max = 65535)
        @Doc(value = "The listener's port, which clients connect to; the tasks receive on the service's `port`.",
                rules = "unique per load balancer")
        int port,

        @Default("tcp")
        @Doc("The listener's protocol: `tcp` and `udp` pass through, `tls` terminates TLS at the load balancer with "
                + "`certificates`, `tcp_udp` carries both on one port.")
        NlbProtocol protocol,

        @Default("[]")
        @Matches(regex = CommonFieldValues.ACM_CERTIFICATE_ARN,
                problem = "is not an ACM certificate ARN", allowed = CommonFieldValues.ACM_CERTIFICATE_ARN_ALLOWED)
        @Doc(value = "ACM certificates of a `tls` listener: the first is the default, the others are served by SNI.",
                rules = "required with `tls`, and only then; in the environment's own account and region")
        List<String> certificates,

        @Default(CommonFieldValues.DEFAULT_TLS_POLICY)
        @Doc(value = "The TLS policy of a `tls` listener.", rules = "only with `tls` when written")
        TlsPolicy tlsPolicy,

        @Range(min = 0, max = 3600)
        @Default(CommonFieldValues.DEREGISTRATION_DELAY_SECONDS)
        @Doc("How long a stopping task keeps its open connections; ELB's default is 300. See "
                + "[fast-deploy defaults](#fast-deploy-defaults).")
        int deregistrationDelaySeconds,

        @Default("{}")
        @Doc("The load balancer's check of the tasks.")
        NlbHealthCheckConfig healthCheck,

        @Doc(value = "A second listener of the service's own, on its own port and with the same protocol and certificates, "
                + "where the blue/green kinds of deployment send test traffic to a new version before production traffic. "
                + "It exists only while the service's deployment shifts traffic.",
                rules = "only with a blue/green, canary, linear or codeDeploy deployment; its port unique per load balancer",
                omitted = "none: a deployment shifts production traffic without a test stage")
        Optional<TestListenerConfig> testListener) {

    public NlbListenerConfig {
        certificates = List.copyOf(certificates);
    }
}
