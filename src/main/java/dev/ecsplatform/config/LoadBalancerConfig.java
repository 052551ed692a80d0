package dev.ecsplatform.config;

/**
 * A load balancer shared by the services that name it. It lives in the environment's platform
 * stack, so removing a service never touches it.
 *
 * @param type                    {@code application}; omitted means {@code application}
 * @param scheme                  {@code internet-facing} (public subnets) or {@code internal} (private subnets);
 *                                omitted means {@code internet-facing}
 * @param port                    the HTTP listener's port; omitted means 80
 * @param idleTimeoutSeconds      connection idle timeout, 1 to 4000; omitted means 60 (the ELB default)
 * @param deletionProtection      whether ELB refuses to delete the load balancer; omitted means true in prod, false elsewhere;
 *                                false is rejected in prod
 * @param accessLogRetentionDays  days the access-log bucket keeps logs before they expire; omitted means 90, or 365 in prod
 */
public record LoadBalancerConfig(
        LoadBalancerType type,
        LoadBalancerScheme scheme,
        int port,
        int idleTimeoutSeconds,
        boolean deletionProtection,
        int accessLogRetentionDays) {
}
