package dev.ecsplatform.service;

import dev.ecsplatform.compliance.Acknowledgments;
import dev.ecsplatform.config.LoadBalancerType;
import dev.ecsplatform.config.NlbHealthCheckProtocol;
import dev.ecsplatform.config.NlbListenerConfig;
import dev.ecsplatform.loadbalancing.ClientSources;
import dev.ecsplatform.loadbalancing.ImportedNetworkLoadBalancer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupIngress;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AlternateTarget;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.ListenerRuleConfiguration;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddNetworkActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkWeightedTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.constructs.Construct;

/**
 * A listener of the service's own on a shared Network Load Balancer: the listener, its target group (IP
 * targets), and the rules that let clients reach the listener port and the load balancer reach the tasks.
 * The listener lives in the service's stack, not the platform's: ECS-native blue/green needs a concrete
 * listener to shift (aws-cdk-lib's {@code ListenerRuleConfiguration.networkListener} takes no imported one),
 * and the platform's exports stay independent of the services (ADR 0005).
 */
public final class NlbListener extends Construct implements TrafficBinding {

    /**
     * @param listener           the listener settings
     * @param containerPort      the port the container receives on
     * @param gracePeriodSeconds how long ECS ignores failing load-balancer checks of a new task
     * @param allowFrom          the CIDR blocks and prefix lists clients come from (the load balancer's allowFrom)
     * @param vpc                the VPC of the target group
     * @param loadBalancer       the shared load balancer, as the platform contract exports it
     */
    public record Props(NlbListenerConfig listener, int containerPort, int gracePeriodSeconds, List<String> allowFrom,
            IVpc vpc, ImportedNetworkLoadBalancer loadBalancer) {
    }

    /** As for ALB routes: a fixed target-group port, because IP targets register on the container port anyway. */
    static final int TARGET_GROUP_PORT = 80;

    private final Props props;
    private final NetworkTargetGroup targetGroup;
    private final NetworkListener listener;
    private final HealthCheck health;
    private Optional<NetworkTargetGroup> alternate = Optional.empty();
    private Optional<NetworkListener> testListener = Optional.empty();

    public NlbListener(Construct scope, String id, Props props) {
        super(scope, id);
        this.props = props;
        NlbListenerConfig config = props.listener();
        HealthCheck.Builder check = HealthCheck.builder()
                .protocol(config.healthCheck().protocol() == NlbHealthCheckProtocol.HTTP ? Protocol.HTTP : Protocol.TCP)
                .interval(Duration.seconds(config.healthCheck().intervalSeconds()))
                .timeout(Duration.seconds(config.healthCheck().timeoutSeconds()))
                .healthyThresholdCount(config.healthCheck().healthyThreshold())
                .unhealthyThresholdCount(config.healthCheck().unhealthyThreshold());
        config.healthCheck().port().ifPresent(port -> check.port(String.valueOf(port)));
        if (config.healthCheck().protocol() == NlbHealthCheckProtocol.HTTP) {
            check.path(config.healthCheck().path());
        }
        this.health = check.build();
        this.targetGroup = newTargetGroup("TargetGroup");
        // Its default action comes in attach, once the shift is known (CDK warns when a default action is replaced).
        this.listener = newListener("Listener", config.port());
        admitClients("ClientIngress-", config.port(), props.allowFrom(), "this service's listener");
    }

    /** A target group of the listener: the primary one, or the alternate a blue/green deployment shifts to; both alike. */
    private NetworkTargetGroup newTargetGroup(String id) {
        return NetworkTargetGroup.Builder.create(this, id)
                .vpc(props.vpc())
                .targetType(TargetType.IP)
                .port(TARGET_GROUP_PORT)
                .protocol(targetProtocol())
                .deregistrationDelay(Duration.seconds(props.listener().deregistrationDelaySeconds()))
                .healthCheck(health)
                .build();
    }

    /**
     * A listener of the service's own, without its default action, which {@link #attach} gives it once the shift is
     * known ({@link #forwardTo}). The production listener stays as written in the template whatever a blue/green
     * deployment did to the live one: CloudFormation updates a resource only when its template properties change, so a
     * deploy that changes the image alone never touches it (ADR 0012).
     */
    private NetworkListener newListener(String id, int port) {
        NlbListenerConfig config = props.listener();
        NetworkListener.Builder listener = NetworkListener.Builder.create(this, id)
                .loadBalancer(props.loadBalancer().loadBalancer())
                .port(port)
                .protocol(switch (config.protocol()) {
                    case TCP -> Protocol.TCP;
                    case TLS -> Protocol.TLS;
                    case UDP -> Protocol.UDP;
                    case TCP_UDP -> Protocol.TCP_UDP;
                });
        if (!config.certificates().isEmpty()) {
            listener.certificates(config.certificates().stream().map(ListenerCertificate::fromArn).toList())
                    .sslPolicy(ClientSources.sslPolicy(config.tlsPolicy()));
        }
        NetworkListener built = listener.build();
        if (config.protocol() != dev.ecsplatform.config.NlbProtocol.TLS) {
            Acknowledgments.acknowledge(built, "NIST.800.53.R5-ELBv2ACMCertificateRequired",
                    "A pass-through listener (tcp, udp or tcp_udp): the load balancer does not terminate "
                            + "TLS, so it holds no certificate. A service that needs encryption in transit listens with "
                            + "protocol tls (ACM certificates) or speaks TLS end to end with its clients.");
        }
        return built;
    }

    /**
     * Clients reach a listener port through the load balancer's group, which the platform made without ingress: each
     * service admits its own ports, so the rules come and go with the listeners. Named by protocol and source, never by
     * position: a rule renumbered by an edit to allowFrom would be created before its old self is deleted, and EC2
     * refuses the duplicate permission.
     */
    private void admitClients(String idPrefix, int port, List<String> sources, String what) {
        for (String source : sources) {
            for (String protocol : ipProtocols()) {
                CfnSecurityGroupIngress.Builder rule = CfnSecurityGroupIngress.Builder.create(this,
                                idPrefix + protocol + "-" + source.replaceAll("[^A-Za-z0-9]", "-"))
                        .groupId(props.loadBalancer().securityGroup().getSecurityGroupId())
                        .ipProtocol(protocol)
                        .fromPort(port)
                        .toPort(port)
                        .description(protocol.toUpperCase() + " " + port + " from "
                                + ClientSources.describe(source) + " to " + what);
                if (ClientSources.isPrefixList(source)) {
                    rule.sourcePrefixListId(source);
                } else {
                    rule.cidrIp(source);
                }
                CfnSecurityGroupIngress ingress = rule.build();
                if (source.equals(ClientSources.ANYWHERE)) {
                    Acknowledgments.acknowledge(ingress, "AwsSolutions-EC23", "The environment file opens this load "
                            + "balancer to the internet on purpose (allowFrom: 0.0.0.0/0). Only this listener port is open; "
                            + "tasks admit only the load balancer's group, on their container port.");
                }
            }
        }
    }

    /**
     * The default action of {@code listener}: for an ECS shift all traffic to the primary group and none to the
     * alternate, the weighted forward ECS itself writes when it shifts (NLB listeners take weighted target groups, 0 to
     * 999), as on the ALB route. Both groups are then associated with the load balancer before the service exists, as
     * ECS requires of the target group and the alternate of a production or test listener, and ELB health-checks the
     * new tasks in the alternate group before ECS moves traffic to them. Otherwise (rolling, recreate, and CodeDeploy,
     * which swaps the groups behind the listener itself) the primary group alone.
     */
    private void forwardTo(NetworkListener listener, TrafficShift shift) {
        NetworkListenerAction action = shift == TrafficShift.ECS && alternate.isPresent()
                ? NetworkListenerAction.weightedForward(List.of(
                        NetworkWeightedTargetGroup.builder().targetGroup(targetGroup).weight(100).build(),
                        NetworkWeightedTargetGroup.builder().targetGroup(alternate.get()).weight(0).build()))
                : NetworkListenerAction.forward(List.of(targetGroup));
        listener.addAction("Default", AddNetworkActionProps.builder().action(action).build());
    }

    private Protocol targetProtocol() {
        return switch (props.listener().protocol()) {
            case TCP, TLS -> Protocol.TCP;
            case UDP -> Protocol.UDP;
            case TCP_UDP -> Protocol.TCP_UDP;
        };
    }

    private List<String> ipProtocols() {
        List<String> protocols = new ArrayList<>();
        if (props.listener().protocol().carriesTcp()) {
            protocols.add("tcp");
        }
        if (props.listener().protocol().carriesUdp()) {
            protocols.add("udp");
        }
        return protocols;
    }

    @Override
    public List<ISecurityGroup> taskSecurityGroups() {
        return List.of(props.loadBalancer().targetsSecurityGroup());
    }

    @Override
    public void attach(BaseService service, SecurityGroup taskSecurityGroup, TrafficShift shift) {
        NlbListenerConfig config = props.listener();
        // Registered by the container port with the protocol the target group speaks to it (UDP for udp; a
        // tcp_udp target group registers on the TCP mapping, the task definition maps UDP on the same port too).
        LoadBalancerTargetOptions.Builder target = LoadBalancerTargetOptions.builder()
                .containerName(service.getTaskDefinition().getDefaultContainer().getContainerName())
                .containerPort(props.containerPort())
                .protocol(config.protocol() == dev.ecsplatform.config.NlbProtocol.UDP
                        ? software.amazon.awscdk.services.ecs.Protocol.UDP : software.amazon.awscdk.services.ecs.Protocol.TCP);
        if (shift != TrafficShift.NONE) {
            NetworkTargetGroup alternateGroup = newTargetGroup("AlternateTargetGroup");
            this.alternate = Optional.of(alternateGroup);
            this.testListener = config.testListener().map(test -> {
                NetworkListener built = newListener("TestListener", test.port());
                admitClients("TestClientIngress-", test.port(), test.allowFrom(), "this service's test listener");
                return built;
            });
            if (shift == TrafficShift.ECS) {
                // Bound in the service's scope, like the ALB route's: its own ID, so a service with both makes two roles.
                AlternateTarget.Builder alternateTarget = AlternateTarget.Builder.create("NetworkAlternateTarget")
                        .alternateTargetGroup(alternateGroup)
                        .productionListener(ListenerRuleConfiguration.networkListener(listener));
                testListener.ifPresent(test -> alternateTarget.testListener(ListenerRuleConfiguration.networkListener(test)));
                target.alternateTarget(alternateTarget.build());
            }
        }
        forwardTo(listener, shift);
        testListener.ifPresent(test -> forwardTo(test, shift));
        targetGroup.addTarget(service.loadBalancerTarget(target.build()));
        if (shift == TrafficShift.ECS) {
            AlternateTargetRole.acknowledge(service, "NetworkAlternateTarget");
        }
        ISecurityGroup source = props.loadBalancer().securityGroup();
        if (config.protocol().carriesTcp()) {
            taskSecurityGroup.addIngressRule(source, Port.tcp(props.containerPort()), "From the network load balancer to the container port");
        }
        if (config.protocol().carriesUdp()) {
            taskSecurityGroup.addIngressRule(source, Port.udp(props.containerPort()), "From the network load balancer to the container port, UDP");
        }
        config.healthCheck().port().filter(port -> port != props.containerPort() || !config.protocol().carriesTcp())
                .ifPresent(port -> taskSecurityGroup.addIngressRule(source, Port.tcp(port),
                        "Health checks from the network load balancer"));
    }

    @Override
    public List<LoadBalancedTraffic> loadBalanced() {
        return List.of(new LoadBalancedTraffic(LoadBalancerType.NETWORK, props.loadBalancer().fullName(), targetGroup,
                alternate.map(group -> group), listener.getListenerArn(), testListener.map(NetworkListener::getListenerArn)));
    }

    @Override
    public Optional<Duration> healthCheckGracePeriod() {
        return Optional.of(Duration.seconds(props.gracePeriodSeconds()));
    }

    @Override
    public Optional<String> url() {
        return Optional.of(props.listener().protocol().yamlName().replace("_udp", "") + "://" + props.loadBalancer().dnsName()
                + ":" + props.listener().port());
    }

    /** The service's target group. */
    public NetworkTargetGroup targetGroup() {
        return targetGroup;
    }

    /** The service's listener on the shared load balancer. */
    public NetworkListener listener() {
        return listener;
    }
}
