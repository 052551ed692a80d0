package dev.ecsplatform.loadbalancing;

import dev.ecsplatform.config.LoadBalancerConfig;
import dev.ecsplatform.config.LoadBalancerScheme;
import java.util.List;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.constructs.Construct;

/**
 * A Network Load Balancer shared by the services that name it. Each service brings its own listener, target
 * group and client ingress rule from its own stack (ECS-native blue/green needs a concrete listener there);
 * this construct owns only what every listener shares.
 *
 * <p>It has security groups from the moment it exists: an NLB created without any can never get one
 * without being replaced (ELB guide, "Security groups for your Network Load Balancer"). Clients are
 * filtered on its group, by rules each service adds for its listener port; tasks admit the group on their
 * container port for TCP and UDP alike.
 */
public final class SharedNetworkLoadBalancer extends Construct implements PlatformLoadBalancer {

    /**
     * @param name       the load balancer's key in the environment file, used in descriptions
     * @param config     the load balancer settings
     * @param vpc the VPC
     * @param subnets where it goes: the public subnets when internet-facing, the private ones when internal (Network.subnets)
     * @param accessLogs where access logs go (an NLB writes them for TLS listeners)
     */
    public record Props(String name, LoadBalancerConfig config, IVpc vpc, SubnetSelection subnets, AccessLogBucket accessLogs) {
    }

    private final NetworkLoadBalancer loadBalancer;
    private final SecurityGroup securityGroup;
    private final SecurityGroup targetsSecurityGroup;

    public SharedNetworkLoadBalancer(Construct scope, String id, Props props) {
        super(scope, id);
        boolean internetFacing = props.config().scheme() == LoadBalancerScheme.INTERNET_FACING;
        LoadBalancerGroups groups = LoadBalancerGroups.create(this, props.vpc(), props.name(),
                "Load balancer " + props.name() + ": the listener port of each service in, its tasks out");
        this.securityGroup = groups.securityGroup();
        this.targetsSecurityGroup = groups.targetsSecurityGroup();
        securityGroup.addEgressRule(targetsSecurityGroup, Port.allTcp(),
                "Connections and health checks to tasks behind this load balancer; each task group admits only its port");
        securityGroup.addEgressRule(targetsSecurityGroup, Port.allUdp(),
                "Datagrams to tasks behind this load balancer; each task group admits only its port");
        this.loadBalancer = NetworkLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(props.vpc())
                .internetFacing(internetFacing)
                .vpcSubnets(props.subnets())
                .securityGroups(List.of(securityGroup))
                // Every AZ's node serves every target, so an AZ with fewer tasks is not overloaded.
                .crossZoneEnabled(true)
                .deletionProtection(props.config().deletionProtection())
                .build();
        props.accessLogs().deliverFrom(loadBalancer, props.name());
    }

    @Override
    public NetworkLoadBalancer loadBalancer() {
        return loadBalancer;
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
