package dev.ecsplatform.loadbalancing;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseLoadBalancer;
import software.constructs.IConstruct;

/**
 * A load balancer of the platform stack, whatever its type: what the platform contract exports of it
 * (PlatformExports) and what every task behind it wears.
 */
public interface PlatformLoadBalancer extends IConstruct {

    /** The load balancer. */
    BaseLoadBalancer loadBalancer();

    /** The load balancer's own security group; task groups admit it on their container port. */
    ISecurityGroup securityGroup();

    /** The group every task behind this load balancer wears, so the load balancer may reach it. */
    ISecurityGroup targetsSecurityGroup();
}
