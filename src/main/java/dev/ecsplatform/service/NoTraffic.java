package dev.ecsplatform.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.BaseService;

/**
 * A worker: no request reaches the service, so there is no target group, no listener rule and no ingress
 * rule on the tasks' group; tasks only call out (queues, APIs). Its tasks are healthy when running and,
 * where configured, when their container health check passes.
 */
public record NoTraffic() implements TrafficBinding {

    @Override
    public List<ISecurityGroup> taskSecurityGroups() {
        return List.of();
    }

    /** Nothing to register with and nothing to admit: the tasks' group keeps no ingress rule. */
    @Override
    public void attach(BaseService service, SecurityGroup taskSecurityGroup, TrafficShift shift) {
    }

    @Override
    public List<LoadBalancedTraffic> loadBalanced() {
        return List.of();
    }

    @Override
    public Optional<Duration> healthCheckGracePeriod() {
        return Optional.empty();
    }

    @Override
    public Optional<String> url() {
        return Optional.empty();
    }
}
