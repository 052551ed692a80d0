package dev.ecsplatform.loadbalancing;

import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.constructs.Construct;

/**
 * The two security groups of a shared load balancer, whatever its type: its own, which clients reach and
 * which reaches out only to the second, and the membership group every task behind it wears. Each task's own
 * group admits the load balancer's group on its container port only, so the two rules together reach exactly
 * the container ports, and no rule here names a service (not one rule per service either, which would cap a
 * load balancer at the 60 rules a group holds by default).
 *
 * @param securityGroup        the load balancer's own group
 * @param targetsSecurityGroup the membership group of its tasks; grants nothing itself
 */
record LoadBalancerGroups(SecurityGroup securityGroup, SecurityGroup targetsSecurityGroup) {

    /**
     * Makes both groups in {@code scope}. {@code description} is the load balancer group's description, which is
     * immutable: changing it replaces the group, and the load balancer and every task group's rule with it.
     */
    static LoadBalancerGroups create(Construct scope, IVpc vpc, String name, String description) {
        SecurityGroup targets = SecurityGroup.Builder.create(scope, "TargetsSecurityGroup")
                .vpc(vpc)
                .description("Membership of tasks behind load balancer " + name
                        + "; grants nothing itself, each task group admits the load balancer on its port")
                .allowAllOutbound(false)
                .build();
        SecurityGroup own = SecurityGroup.Builder.create(scope, "SecurityGroup")
                .vpc(vpc)
                .description(description)
                .allowAllOutbound(false)
                .build();
        return new LoadBalancerGroups(own, targets);
    }
}
