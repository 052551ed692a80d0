package dev.ecsplatform.service;

import dev.ecsplatform.config.LoadBalancerType;
import java.util.Optional;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetGroupBase;

/**
 * One way into a service through a load balancer, as deployments, alarms, dashboards and autoscaling see it
 * once the traffic binding has attached the service.
 *
 * @param type                  an application or a network load balancer
 * @param loadBalancerFullName  the {@code app/...} or {@code net/...} name CloudWatch's {@code LoadBalancer} dimension uses
 * @param primary               the target group the service registers with when it is created
 * @param alternate             the second target group a blue/green kind of deployment shifts to; empty for
 *                              {@link TrafficShift#NONE}
 * @param productionListenerArn the listener that carries production traffic (an ALB's shared listener, or the
 *                              service's own NLB listener)
 * @param testListenerArn       the listener that carries test traffic to a new version, when there is one
 */
public record LoadBalancedTraffic(LoadBalancerType type, String loadBalancerFullName, TargetGroupBase primary,
        Optional<TargetGroupBase> alternate, String productionListenerArn, Optional<String> testListenerArn) {
}
