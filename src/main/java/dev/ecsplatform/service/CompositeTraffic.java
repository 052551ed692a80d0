package dev.ecsplatform.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ec2.SecurityGroup;

/**
 * Several ways in at once, e.g. an ALB route and an NLB listener: each binding registers the tasks and
 * admits its own source, and the tasks wear every binding's groups.
 *
 * @param bindings the traffic bindings, at least two
 */
public record CompositeTraffic(List<TrafficBinding> bindings) implements TrafficBinding {

    public CompositeTraffic {
        bindings = List.copyOf(bindings);
    }

    @Override
    public List<ISecurityGroup> taskSecurityGroups() {
        return bindings.stream().flatMap(binding -> binding.taskSecurityGroups().stream()).toList();
    }

    @Override
    public void attach(BaseService service, SecurityGroup taskSecurityGroup, TrafficShift shift) {
        bindings.forEach(binding -> binding.attach(service, taskSecurityGroup, shift));
    }

    @Override
    public List<LoadBalancedTraffic> loadBalanced() {
        return bindings.stream().flatMap(binding -> binding.loadBalanced().stream()).toList();
    }

    /** The longest: ECS has one grace period for all of a service's load balancers. */
    @Override
    public Optional<Duration> healthCheckGracePeriod() {
        return bindings.stream().map(TrafficBinding::healthCheckGracePeriod).flatMap(Optional::stream)
                .max((a, b) -> Double.compare(a.toSeconds().doubleValue(), b.toSeconds().doubleValue()));
    }

    /** The first binding's URL (the ALB route's, when there is one). */
    @Override
    public Optional<String> url() {
        return bindings.stream().map(TrafficBinding::url).flatMap(Optional::stream).findFirst();
    }

    /** The one binding when there is one, a composite of them otherwise, {@link NoTraffic} when none. */
    public static TrafficBinding of(List<TrafficBinding> bindings) {
        return switch (bindings.size()) {
            case 0 -> new NoTraffic();
            case 1 -> bindings.get(0);
            default -> new CompositeTraffic(bindings);
        };
    }
}
