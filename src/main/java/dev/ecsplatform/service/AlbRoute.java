package dev.ecsplatform.service;

import dev.ecsplatform.config.AlbRouteConfig;
import dev.ecsplatform.config.LoadBalancerType;
import dev.ecsplatform.config.TargetHealthCheckConfig;
import dev.ecsplatform.loadbalancing.ImportedLoadBalancer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AlternateTarget;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.ListenerRuleConfiguration;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
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
import software.amazon.awscdk.services.elasticloadbalancingv2.WeightedTargetGroup;
import software.constructs.Construct;

/**
 * Traffic through a route on a shared Application Load Balancer: the service's own IP target group with
 * the fast-deploy health-check and deregistration settings, a listener rule that forwards the service's
 * hosts and paths to it, and the tasks' group admitting the load balancer on the container port. All of
 * it lives in the service's stack, so the load balancer's stack never refers to a service.
 */
public final class AlbRoute extends Construct implements TrafficBinding {

    /**
     * Inputs of the route.
     *
     * @param route         which requests reach the service
     * @param gracePeriodSeconds how long ECS ignores failing load-balancer checks of a new task
     * @param containerPort the port the tasks listen on; only the tasks' group rule names it (see {@link #TARGET_GROUP_PORT})
     * @param vpc           the VPC of the target group
     * @param loadBalancer  the shared load balancer, as the platform contract exports it
     */
    public record Props(AlbRouteConfig route, int gracePeriodSeconds, int containerPort, IVpc vpc,
            ImportedLoadBalancer loadBalancer) {
    }

    /**
     * The target group's own port, fixed. Changing a target group's {@code Port} replaces it, and the listener
     * would forward to an empty group until new tasks are healthy. With IP targets the port only serves as a
     * default: ECS registers every task on its container port, and the health check uses the traffic port, so
     * this value is never where traffic goes, and the container port can change without a replacement.
     */
    static final int TARGET_GROUP_PORT = 80;

    private final Props props;
    private final ApplicationTargetGroup targetGroup;
    private final List<ListenerCondition> conditions;
    private ApplicationListenerRule rule;
    private Optional<ApplicationTargetGroup> alternate = Optional.empty();
    private Optional<ApplicationListenerRule> testRule = Optional.empty();

    public AlbRoute(Construct scope, String id, Props props) {
        super(scope, id);
        this.props = props;
        this.targetGroup = newTargetGroup("TargetGroup");
        this.conditions = new ArrayList<>();
        conditions.add(ListenerCondition.pathPatterns(props.route().paths()));
        if (!props.route().hosts().isEmpty()) {
            conditions.add(ListenerCondition.hostHeaders(props.route().hosts()));
        }
    }

    /**
     * The route's rule on {@code listener}, made in {@link #attach} once the shift is known. It stays as written in the
     * template whatever a blue/green deployment did to the live rule: CloudFormation updates a resource only when its
     * template properties change, so a deploy that changes the image alone never touches it (ADR 0012).
     */
    private ApplicationListenerRule newRule(String id, IApplicationListener listener, ListenerAction action) {
        return ApplicationListenerRule.Builder.create(this, id)
                .listener(listener)
                .priority(props.route().priority())
                .conditions(conditions)
                .action(action)
                .build();
    }

    /**
     * For an ECS shift: all traffic to the primary group, none to the alternate, the weighted forward ECS itself writes
     * when it shifts (ADR 0012) and CDK's ECS linear integration test starts from. The alternate group is then attached
     * to the load balancer from the start, so ELB checks the new tasks' health there before ECS moves traffic to them.
     */
    private static ListenerAction shiftable(ApplicationTargetGroup primary, ApplicationTargetGroup alternate) {
        return ListenerAction.weightedForward(List.of(
                WeightedTargetGroup.builder().targetGroup(primary).weight(100).build(),
                WeightedTargetGroup.builder().targetGroup(alternate).weight(0).build()));
    }

    /** A target group of the route: the primary one, or the alternate a blue/green deployment shifts to; both alike. */
    private ApplicationTargetGroup newTargetGroup(String id) {
        TargetHealthCheckConfig health = props.route().healthCheck();
        return ApplicationTargetGroup.Builder.create(this, id)
                .vpc(props.vpc())
                .targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP)
                .port(TARGET_GROUP_PORT)
                .deregistrationDelay(Duration.seconds(props.route().deregistrationDelaySeconds()))
                .stickinessCookieDuration(props.route().stickinessSeconds().map(Duration::seconds).orElse(null))
                .slowStart(props.route().slowStartSeconds() > 0 ? Duration.seconds(props.route().slowStartSeconds()) : null)
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
    }

    /**
     * The same hosts and paths at the same priority on the load balancer's test listener, forwarding to the primary
     * group until a deployment points it at the new version; none when the load balancer has no test listener.
     */
    private Optional<ApplicationListenerRule> newTestRule(ListenerAction action) {
        return props.loadBalancer().testListener().map(testListener -> newRule("TestRule", testListener, action));
    }

    @Override
    public List<ISecurityGroup> taskSecurityGroups() {
        return List.of(props.loadBalancer().targetsSecurityGroup());
    }

    @Override
    public void attach(BaseService service, SecurityGroup taskSecurityGroup, TrafficShift shift) {
        IApplicationListener production = props.loadBalancer().listener();
        switch (shift) {
            case NONE -> {
                this.rule = newRule("Rule", production, ListenerAction.forward(List.of(targetGroup)));
                service.attachToApplicationTargetGroup(targetGroup);
            }
            case ECS -> {
                ApplicationTargetGroup alternateGroup = newTargetGroup("AlternateTargetGroup");
                this.alternate = Optional.of(alternateGroup);
                this.rule = newRule("Rule", production, shiftable(targetGroup, alternateGroup));
                this.testRule = newTestRule(shiftable(targetGroup, alternateGroup));
                AlternateTarget.Builder target = AlternateTarget.Builder.create("AlternateTarget")
                        .alternateTargetGroup(alternateGroup)
                        .productionListener(ListenerRuleConfiguration.applicationListenerRule(rule));
                testRule.ifPresent(test -> target.testListener(ListenerRuleConfiguration.applicationListenerRule(test)));
                targetGroup.addTarget(service.loadBalancerTarget(LoadBalancerTargetOptions.builder()
                        .containerName(service.getTaskDefinition().getDefaultContainer().getContainerName())
                        .containerPort(props.containerPort())
                        .alternateTarget(target.build())
                        .build()));
                AlternateTargetRole.acknowledge(service, "AlternateTarget");
            }
            case CODE_DEPLOY -> {
                // CodeDeploy swaps the groups behind the listeners; the service itself knows only the primary one.
                this.alternate = Optional.of(newTargetGroup("AlternateTargetGroup"));
                this.rule = newRule("Rule", production, ListenerAction.forward(List.of(targetGroup)));
                this.testRule = newTestRule(ListenerAction.forward(List.of(targetGroup)));
                service.attachToApplicationTargetGroup(targetGroup);
            }
        }
        taskSecurityGroup.addIngressRule(props.loadBalancer().securityGroup(), Port.tcp(props.containerPort()),
                "From the load balancer to the container port");
    }

    @Override
    public List<LoadBalancedTraffic> loadBalanced() {
        ImportedLoadBalancer loadBalancer = props.loadBalancer();
        return List.of(new LoadBalancedTraffic(LoadBalancerType.APPLICATION, loadBalancer.fullName(), targetGroup,
                alternate.map(group -> group), loadBalancer.listener().getListenerArn(),
                testRule.flatMap(rule -> loadBalancer.testListener()).map(IApplicationListener::getListenerArn)));
    }

    @Override
    public Optional<Duration> healthCheckGracePeriod() {
        return Optional.of(Duration.seconds(props.gracePeriodSeconds()));
    }

    /** The route's first host (or the load balancer's DNS name) and its first path up to the first wildcard. */
    @Override
    public Optional<String> url() {
        AlbRouteConfig route = props.route();
        String path = route.paths().get(0);
        int wildcard = path.replace('?', '*').indexOf('*');
        return Optional.of((props.loadBalancer().https() ? "https://" : "http://") + (route.hosts().isEmpty() ? props.loadBalancer().dnsName() : route.hosts().get(0))
                + (wildcard < 0 ? path : path.substring(0, wildcard)));
    }

    /** The service's target group. */
    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    /** The listener rule that forwards to the target group, once {@link #attach} has made it. */
    public ApplicationListenerRule rule() {
        if (rule == null) {
            throw new IllegalStateException("the route's rule exists only once the service is attached");
        }
        return rule;
    }
}
