package dev.ecsplatform.config;

import java.util.List;
import java.util.Optional;

/** A load balancer shared by the services that name it. */
@Doc("A load balancer shared by the services that name it. It lives in the environment's platform stack, so removing "
        + "a service never touches it.")
public record LoadBalancerConfig(
        @Default("application")
        @Doc("The kind of load balancer: an Application Load Balancer (HTTP, layer 7), shared by services through listener rules.")
        LoadBalancerType type,

        @Default("internet-facing")
        @Doc("`internet-facing` puts it in the public subnets; `internal` in the private subnets, reachable only from the VPC.")
        LoadBalancerScheme scheme,

        @Range(min = 1, max = 65535)
        @Default("80")
        @Doc(value = "The HTTP listener's port. Without certificates the HTTP listener routes to the services; with "
                + "them it only redirects to HTTPS.", rules = "not `httpsPort`")
        int httpPort,

        @Default("[]")
        @Matches(regex = CommonFieldValues.ACM_CERTIFICATE_ARN,
                problem = "is not an ACM certificate ARN",
                allowed = CommonFieldValues.ACM_CERTIFICATE_ARN_ALLOWED)
        @Doc(value = "ACM certificates for an HTTPS listener: the first is the default, the others are served by SNI to "
                + "clients that ask for their names. With none, the load balancer serves plain HTTP (dev and test only).",
                rules = "in the environment's own account and region (ACM certificates are regional); each once; prod: at "
                        + "least one")
        List<String> certificates,

        @Range(min = 1, max = 65535)
        @Default("443")
        @Doc("The HTTPS listener's port, when there are certificates.")
        int httpsPort,

        @Default(CommonFieldValues.DEFAULT_TLS_POLICY)
        @Doc("The HTTPS listener's TLS policy: ELB's recommended TLS 1.3 and 1.2 policy, or TLS 1.3 only.")
        TlsPolicy tlsPolicy,

        @Default(computed = "defaultAllowFrom", means = "internal: the VPC's CIDR (`network.cidr`, or `network.existing.cidr`); internet-facing: none, "
                + "so it must be written")
        @Matches(regex = CommonFieldValues.CLIENT_SOURCE, problem = "is not a CIDR block or "
                + "prefix list", allowed = "an IPv4 CIDR block such as 203.0.113.0/24, 0.0.0.0/0 for the whole internet, or a "
                + "managed prefix list ID such as pl-0123456789abcdef0")
        @Doc(value = "Who may connect: the IPv4 CIDR blocks and managed prefix lists admitted on the listener ports, and "
                + "nothing else. The whole internet is `[0.0.0.0/0]`, written out on purpose.",
                rules = "at least one; no host bits set")
        List<String> allowFrom,

        @Matches(regex = "arn:aws[a-z-]*:wafv2:[a-z0-9-]+:[0-9]{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[0-9a-f-]{36}",
                problem = "is not a regional WAFv2 web ACL ARN",
                allowed = "arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>")
        @Doc(value = "An AWS WAF web ACL to associate with the load balancer, managed elsewhere (rules change more often "
                + "than the platform).", rules = "in the environment's own account and region",
                omitted = "no web ACL")
        Optional<String> webAcl,

        @Doc(value = "Where the host names of the services on this load balancer get their alias records: one A record "
                + "per distinct host, owned by the platform stack, so two services on one host share it.",
                rules = "every host of those services in the zone", omitted = "no DNS records; point your names at the "
                + "load balancer yourself")
        Optional<HostedZoneConfig> hostedZone,

        @Doc(value = "A test listener for blue/green deployments.", omitted = "no test listener")
        Optional<TestListenerConfig> testListener,

        @Range(min = 1, max = 4000)
        @Default("60")
        @Doc("Seconds a connection may stay idle before the load balancer closes it (60 is the ELB default).")
        int idleTimeoutSeconds,

        @Default(value = "false", prod = "true")
        @Doc(value = "Whether ELB refuses to delete the load balancer.", rules = "prod: only `true`")
        boolean deletionProtection,

        @Range(min = 1, max = 3650)
        @Default(value = "90", prod = "365")
        @Doc("Days the access-log bucket keeps logs before they expire.")
        int accessLogRetentionDays) {

    public LoadBalancerConfig {
        certificates = List.copyOf(certificates);
        allowFrom = List.copyOf(allowFrom);
    }

    /** Whether the load balancer has an HTTPS listener; without one it serves plain HTTP. */
    public boolean https() {
        return !certificates.isEmpty();
    }

    /** An internal load balancer serves the VPC; an internet-facing one says who may reach it. */
    static List<String> defaultAllowFrom(DefaultContext context) {
        return context.sibling("scheme", LoadBalancerScheme.class) == LoadBalancerScheme.INTERNAL
                ? List.of(((NetworkConfig) context.root("network")).vpcCidr())
                : List.of();
    }
}
