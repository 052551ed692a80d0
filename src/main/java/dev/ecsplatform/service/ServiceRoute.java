package dev.ecsplatform.service;

import dev.ecsplatform.config.HealthCheckConfig;
import dev.ecsplatform.config.RouteConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.constructs.Construct;

/**
 * How a shared load balancer reaches one service: the service's own IP target group with the
 * fast-deploy health-check and deregistration settings, and a listener rule that forwards the
 * service's hosts and paths to it. Both live in the service's stack, so the load balancer's
 * stack never refers to a service.
 */
public final class ServiceRoute extends Construct {

    /**
     * Inputs of the route.
     *
     * @param route         which requests reach the service
     * @param healthCheck   the load balancer's health check of the tasks
     * @param vpc           the VPC of the target group
     * @param listener      the shared listener the rule is added to
     */
    public record Props(RouteConfig route, HealthCheckConfig healthCheck, IVpc vpc, IApplicationListener listener) {
    }

    /**
     * The target group's own port, fixed. Changing a target group's {@code Port} replaces it, and the listener
     * would forward to an empty group until new tasks are healthy. With IP targets the port only serves as a
     * default: ECS registers every task on its container port, and the health check uses the traffic port, so
     * this value is never where traffic goes, and the container port can change without a replacement.
     */
    static final int TARGET_GROUP_PORT = 80;

    private final ApplicationTargetGroup targetGroup;
    private final ApplicationListenerRule rule;

    public ServiceRoute(Construct scope, String id, Props props) {
        super(scope, id);
        HealthCheckConfig health = props.healthCheck();
        this.targetGroup = ApplicationTargetGroup.Builder.create(this, "TargetGroup")
                .vpc(props.vpc())
                .targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP)
                .port(TARGET_GROUP_PORT)
                .deregistrationDelay(Duration.seconds(props.route().deregistrationDelaySeconds()))
                .healthCheck(HealthCheck.builder()
                        .protocol(Protocol.HTTP)
                        .path(health.path())
                        .healthyHttpCodes(health.successCodes())
                        .interval(Duration.seconds(health.intervalSeconds()))
                        .timeout(Duration.seconds(health.timeoutSeconds()))
                        .healthyThresholdCount(health.healthyThreshold())
                        .unhealthyThresholdCount(health.unhealthyThreshold())
                        .build())
                .build();

        List<ListenerCondition> conditions = new ArrayList<>();
        conditions.add(ListenerCondition.pathPatterns(props.route().paths()));
        if (!props.route().hosts().isEmpty()) {
            conditions.add(ListenerCondition.hostHeaders(props.route().hosts()));
        }
        this.rule = ApplicationListenerRule.Builder.create(this, "Rule")
                .listener(props.listener())
                .priority(props.route().priority())
                .conditions(conditions)
                .action(ListenerAction.forward(List.of(targetGroup)))
                .build();
    }

    /** The service's target group. */
    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    /** The listener rule that forwards to the target group. */
    public ApplicationListenerRule rule() {
        return rule;
    }
}
