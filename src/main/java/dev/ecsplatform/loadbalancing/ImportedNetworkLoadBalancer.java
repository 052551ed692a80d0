package dev.ecsplatform.loadbalancing;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.INetworkLoadBalancer;

/**
 * A shared Network Load Balancer as a service stack sees it, made from the platform contract's imports.
 * The service adds its own listener to it, and its own client rule to the load balancer's group.
 *
 * @param loadBalancer         the load balancer, for the service's listener
 * @param securityGroup        the load balancer's group: clients are admitted to it, tasks admit it
 * @param targetsSecurityGroup the group tasks wear so the load balancer may reach them
 * @param dnsName              the load balancer's DNS name
 * @param fullName             the {@code net/<name>/<id>} name CloudWatch metrics use
 */
public record ImportedNetworkLoadBalancer(INetworkLoadBalancer loadBalancer, ISecurityGroup securityGroup,
        ISecurityGroup targetsSecurityGroup, String dnsName, String fullName) {
}
