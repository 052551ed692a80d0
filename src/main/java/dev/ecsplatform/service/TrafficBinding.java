package dev.ecsplatform.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.BaseService;

/**
 * How requests reach a service: one of the three independent choices a service stack composes (with
 * {@link ComputeBinding} and {@link DeploymentBinding}). Each kind of traffic is one implementation:
 * {@link NoTraffic} (a worker), {@link AlbRoute} (a rule on a shared ALB listener), {@link NlbListener} (a
 * listener of the service's own on a shared NLB), {@link ServiceConnectRoute}, and {@link CompositeTraffic} for
 * several at once (ADR 0007). Adding a kind adds an implementation and a config branch, never a service class.
 */
public interface TrafficBinding {

    /** Groups the tasks wear besides their own, so that the traffic's source may reach them. */
    List<ISecurityGroup> taskSecurityGroups();

    /**
     * Registers the service's tasks with the traffic and admits its source into the tasks' own group, on the
     * container port only. Called once, right after the ECS service exists.
     *
     * <p>For a {@code shift} other than {@link TrafficShift#NONE} a load-balanced binding also makes the second
     * target group and its test route, so that the deployment binding finds both in {@link #loadBalanced()}.
     */
    void attach(BaseService service, SecurityGroup taskSecurityGroup, TrafficShift shift);

    /** The ways in through a load balancer, after {@link #attach}; empty for a worker or Service Connect alone. */
    List<LoadBalancedTraffic> loadBalanced();

    /** How long ECS ignores failing load-balancer health checks of a new task; empty when nothing checks them. */
    Optional<Duration> healthCheckGracePeriod();

    /** Where the service answers, for the stack's outputs; empty when it takes no requests. */
    Optional<String> url();
}
