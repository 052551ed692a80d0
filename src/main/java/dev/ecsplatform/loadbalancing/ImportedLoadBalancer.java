package dev.ecsplatform.loadbalancing;

import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;

/**
 * A shared load balancer as a service stack sees it: handles made from the platform contract's imports
 * (PlatformExports). The security groups are immutable imports, so the rules that admit the load balancer
 * are written in the service's stack, on the service's own group.
 *
 * @param listener              the listener services add their rules to: HTTPS when the load balancer has
 *                              certificates, HTTP otherwise
 * @param testListener          the test listener, where blue/green deployments send test traffic, when the load
 *                              balancer has one
 * @param https                 whether {@code listener} is the HTTPS listener
 * @param securityGroup         the load balancer's group; tasks admit it on their container port
 * @param targetsSecurityGroup  the group tasks wear so the load balancer may reach them
 * @param dnsName               the load balancer's DNS name
 * @param canonicalHostedZoneId the hosted zone of the DNS name, for Route 53 alias records
 * @param fullName              the {@code app/<name>/<id>} name CloudWatch metrics use
 */
public record ImportedLoadBalancer(IApplicationListener listener, Optional<IApplicationListener> testListener, boolean https, ISecurityGroup securityGroup,
        ISecurityGroup targetsSecurityGroup, String dnsName, String canonicalHostedZoneId, String fullName) {
}
