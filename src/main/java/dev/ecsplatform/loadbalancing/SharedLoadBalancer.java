package dev.ecsplatform.loadbalancing;

import dev.ecsplatform.compliance.Acknowledgments;
import dev.ecsplatform.config.LoadBalancerConfig;
import dev.ecsplatform.config.LoadBalancerScheme;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IPeer;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.DesyncMitigationMode;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.constructs.Construct;

/**
 * An Application Load Balancer shared by every service that names it. Services add their own
 * listener rules and target groups from their own stacks, on the HTTPS listener when the load balancer
 * has certificates (the HTTP listener then only redirects) and on the HTTP listener otherwise; the
 * routing listener's default answer is a 404, so a request that matches no service never reaches one.
 */
public final class SharedLoadBalancer extends Construct implements PlatformLoadBalancer {

    /**
     * Inputs of the load balancer.
     *
     * @param name          the load balancer's key in the environment file, used in descriptions
     * @param config        the load balancer settings
     * @param vpc the VPC
     * @param subnets where it goes: the public subnets when internet-facing, the private ones when internal (Network.subnets)
     * @param accessLogs    where access logs go
     */
    public record Props(String name, LoadBalancerConfig config, IVpc vpc, SubnetSelection subnets, AccessLogBucket accessLogs) {
    }

    private final ApplicationLoadBalancer loadBalancer;
    private final SecurityGroup securityGroup;
    private final SecurityGroup targetsSecurityGroup;
    private final ApplicationListener httpListener;
    private final Optional<ApplicationListener> httpsListener;
    private final Optional<ApplicationListener> testListener;

    public SharedLoadBalancer(Construct scope, String id, Props props) {
        super(scope, id);
        LoadBalancerConfig config = props.config();
        boolean internetFacing = config.scheme() == LoadBalancerScheme.INTERNET_FACING;

        // Egress goes to the group every task behind this load balancer wears, and nowhere else: not the VPC
        // CIDR (isolated subnets and other tenants included), and not one rule per service.
        LoadBalancerGroups groups = LoadBalancerGroups.create(this, props.vpc(), props.name(),
                "Load balancer " + props.name() + ": listener port in, its tasks out");
        this.securityGroup = groups.securityGroup();
        this.targetsSecurityGroup = groups.targetsSecurityGroup();
        securityGroup.addEgressRule(targetsSecurityGroup, Port.allTcp(),
                "Requests and health checks to tasks behind this load balancer; each task group admits only its container port");
        // Only the listener ports, only from the sources the environment names (allowFrom); literals, not tokens,
        // so rule checks such as cdk-nag EC23 can evaluate them.
        List<Integer> ports = config.https() ? List.of(config.httpPort(), config.httpsPort()) : List.of(config.httpPort());
        for (String source : config.allowFrom()) {
            IPeer peer = ClientSources.peer(source);
            for (int port : ports) {
                securityGroup.addIngressRule(peer, Port.tcp(port), (port == config.httpPort() ? "HTTP" : "HTTPS")
                        + " from " + ClientSources.describe(source)
                        + (port == config.httpPort() && config.https() ? " (redirected to HTTPS)" : ""));
            }
        }
        if (config.allowFrom().contains(ClientSources.ANYWHERE)) {
            Acknowledgments.acknowledge(securityGroup, "AwsSolutions-EC23",
                    "The environment file opens this load balancer to the internet on purpose (allowFrom: 0.0.0.0/0). Only "
                            + "the listener ports are open; tasks admit traffic only from this security group, and unmatched "
                            + "requests get a fixed 404.");
        }

        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(props.vpc())
                .internetFacing(internetFacing)
                .vpcSubnets(props.subnets())
                .securityGroup(securityGroup)
                .idleTimeout(Duration.seconds(config.idleTimeoutSeconds()))
                .deletionProtection(config.deletionProtection())
                // ELB.4 and CT.ELASTICLOADBALANCING.PR.3/4: drop malformed headers, defend against request smuggling.
                .dropInvalidHeaderFields(true)
                .desyncMitigationMode(DesyncMitigationMode.DEFENSIVE)
                .build();
        props.accessLogs().deliverFrom(loadBalancer, props.name());

        // The listener services route on answers 404 unless a rule matches, so a request that matches no service
        // never reaches one by accident.
        ListenerAction notFound = ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                .contentType("text/plain")
                .messageBody("No service matches this request.")
                .build());
        // The security group above already admits exactly the listener ports, so no listener opens its own.
        this.httpListener = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(config.httpPort())
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(config.https()
                        ? ListenerAction.redirect(RedirectOptions.builder()
                                .protocol("HTTPS").port(String.valueOf(config.httpsPort())).permanent(true).build())
                        : notFound)
                .build());
        this.httpsListener = config.https() ? Optional.of(loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(config.httpsPort())
                .protocol(ApplicationProtocol.HTTPS)
                .open(false)
                .sslPolicy(ClientSources.sslPolicy(config.tlsPolicy()))
                // The first certificate is the default; the others are added as listener certificates, served by SNI.
                .certificates(config.certificates().stream().map(ListenerCertificate::fromArn).toList())
                .defaultAction(notFound)
                .build())) : Optional.empty();

        // The test listener speaks what the production listener speaks, on its own port, to the testers only.
        this.testListener = config.testListener().map(test -> {
            for (String source : test.allowFrom()) {
                securityGroup.addIngressRule(ClientSources.peer(source),
                        Port.tcp(test.port()), "Test listener from " + source);
            }
            BaseApplicationListenerProps.Builder listener = BaseApplicationListenerProps.builder()
                    .port(test.port())
                    .protocol(config.https() ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP)
                    .open(false)
                    .defaultAction(notFound);
            if (config.https()) {
                listener.sslPolicy(ClientSources.sslPolicy(config.tlsPolicy())).certificates(config.certificates().stream().map(ListenerCertificate::fromArn).toList());
            }
            return loadBalancer.addListener("Test", listener.build());
        });
        // NIST 800-53 runs on prod, where the loader requires certificates; so an HTTP-only listener never meets it.
        if (config.https()) {
            Acknowledgments.acknowledge(httpListener, "NIST.800.53.R5-ELBv2ACMCertificateRequired",
                    "This plain-HTTP listener only answers with a permanent redirect to the HTTPS listener, which uses the "
                            + "configured ACM certificates; it forwards no request, so it has nothing to encrypt.");
        }
        config.webAcl().ifPresentOrElse(webAcl -> CfnWebACLAssociation.Builder.create(this, "WebAcl")
                .resourceArn(loadBalancer.getLoadBalancerArn())
                .webAclArn(webAcl)
                .build(), () -> Acknowledgments.acknowledge(loadBalancer, "NIST.800.53.R5-ALBWAFEnabled",
                "No WAFv2 web ACL is configured for this load balancer (loadBalancers.<name>.webAcl). Compensating: invalid "
                        + "header fields are dropped, desync mitigation is defensive, only configured routes reach a task, and "
                        + "access logs record every request."));
    }

    @Override
    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** The HTTP listener: it routes to services without certificates, and only redirects to HTTPS with them. */
    public ApplicationListener httpListener() {
        return httpListener;
    }


    /** The test listener, when the load balancer has one. */
    public Optional<ApplicationListener> testListener() {
        return testListener;
    }

    /** The HTTPS listener, when the load balancer has certificates. */
    public Optional<ApplicationListener> httpsListener() {
        return httpsListener;
    }

    @Override
    public ISecurityGroup securityGroup() {
        return securityGroup;
    }

    @Override
    public ISecurityGroup targetsSecurityGroup() {
        return targetsSecurityGroup;
    }
}
