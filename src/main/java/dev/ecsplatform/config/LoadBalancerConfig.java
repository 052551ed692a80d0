package dev.ecsplatform.config;

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
        @Doc("The HTTP listener's port.")
        int port,

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
}
