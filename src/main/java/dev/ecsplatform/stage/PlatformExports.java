package dev.ecsplatform.stage;

import dev.ecsplatform.cluster.ImportedServiceConnect;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.loadbalancing.ImportedLoadBalancer;
import dev.ecsplatform.loadbalancing.ImportedNetworkLoadBalancer;
import dev.ecsplatform.loadbalancing.SharedLoadBalancer;
import dev.ecsplatform.network.Network;
import dev.ecsplatform.network.TaskSubnets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetAttributes;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ClusterAttributes;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerAttributes;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.INetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancerAttributes;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The platform contract: every value a service stack may import, exported by the platform stack under an
 * explicit name that this class alone makes ({@code <env>-platform:<key>}).
 *
 * <p>Why explicit: CloudFormation refuses a platform update that removes or changes an export a deployed
 * stack still imports. CDK's automatic exports appear and vanish with their consumers, so removing the last
 * service of a load balancer, or moving a service elsewhere, would remove an export in use and the platform
 * update would fail. The exports here depend only on the platform's own configuration (its subnets, its
 * load balancers and their listeners), never on which services exist or what they use; service stacks
 * read them with {@code Fn::ImportValue} and never reference a platform construct directly, so CDK makes no
 * automatic export at all (a test asserts both). See ADR 0005.
 *
 * <p>Keys name a resource by what it is, not by what uses it or by a value that may change: a listener is
 * keyed by its protocol ({@code Listener-HTTP}), so adding an HTTPS listener adds exports and leaves the
 * HTTP ones in place, and changing a listener's port changes no export.
 */
public final class PlatformExports {

    /**
     * A listener by its protocol, not its port: a port change updates the listener in place (same ARN), and an
     * export renamed with it would be refused while services import the old name.
     */
    private static final String HTTP_LISTENER_KEY = "Listener-HTTP";
    private static final String SERVICE_CONNECT_KEY = "ServiceConnect";
    /** The test listener, where the service stacks' blue/green kinds of deployment route test traffic. */
    private static final String TEST_LISTENER_KEY = "Listener-Test";
    private static final String HTTPS_LISTENER_KEY = "Listener-HTTPS";
    /** The environment's alarm topic: every environment has one, whatever its services. */
    private static final String ALARM_TOPIC_KEY = "AlarmTopicArn";

    private final String stackName;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> availabilityZones;
    private final String vpcCidr;
    private final int privateSubnetCount;
    private final int publicSubnetCount;
    private final TaskSubnets taskSubnets;
    /**
     * An existing VPC's task subnets' zones, in export order (literals of the platform's config, like the AZs): its
     * tiers need not share zones, so service stacks get the subnets themselves rather than a VPC's typed tiers. Empty
     * for a VPC the platform created.
     */
    private final List<String> existingTaskSubnetZones;
    /** The same subnets' IDs as the config writes them, so a service can choose some of them (services.<name>.subnets). */
    private final List<String> existingTaskSubnetIds;

    private PlatformExports(PlatformStack platform, EnvironmentConfig environment) {
        this.stackName = StackNames.platform(environment);
        Network network = platform.network();
        IVpc vpc = network.vpc();
        this.availabilityZones = List.copyOf(vpc.getAvailabilityZones());
        this.vpcCidr = environment.network().vpcCidr();
        // The same keys for a VPC the platform made and one it was given: a service stack cannot tell them apart.
        put("VpcId", vpc.getVpcId());
        putSubnets(network, "PrivateSubnet", network.subnetsOf(SubnetType.PRIVATE_WITH_EGRESS));
        putSubnets(network, "PublicSubnet", network.subnetsOf(SubnetType.PUBLIC));
        putSubnets(network, "IsolatedSubnet", network.subnetsOf(SubnetType.PRIVATE_ISOLATED));
        this.privateSubnetCount = network.subnetsOf(SubnetType.PRIVATE_WITH_EGRESS).size();
        this.publicSubnetCount = network.subnetsOf(SubnetType.PUBLIC).size();
        this.existingTaskSubnetZones = network.existing()
                ? network.subnetsOf(network.taskSubnets().subnetType()).stream().map(ISubnet::getAvailabilityZone).toList()
                : List.of();
        this.existingTaskSubnetIds = network.existing()
                ? network.subnetsOf(network.taskSubnets().subnetType()).stream().map(ISubnet::getSubnetId).toList()
                : List.of();
        // Not an export: where tasks run follows the platform's own config (network.egress), which both stacks read.
        this.taskSubnets = platform.network().taskSubnets();
        put("ClusterName", platform.cluster().cluster().getClusterName());
        put("ClusterArn", platform.cluster().cluster().getClusterArn());
        put(ALARM_TOPIC_KEY, platform.alarmTopic().topic().getTopicArn());
        platform.cluster().serviceConnect().ifPresent(connect -> {
            put(SERVICE_CONNECT_KEY + ":NamespaceArn", connect.namespace().getNamespaceArn());
            put(SERVICE_CONNECT_KEY + ":SecurityGroupId", connect.securityGroup().getSecurityGroupId());
        });
        platform.loadBalancers().forEach((name, loadBalancer) -> {
            String prefix = loadBalancerKey(name);
            put(prefix + ":Arn", loadBalancer.loadBalancer().getLoadBalancerArn());
            put(prefix + ":FullName", loadBalancer.loadBalancer().getLoadBalancerFullName());
            put(prefix + ":DnsName", loadBalancer.loadBalancer().getLoadBalancerDnsName());
            put(prefix + ":CanonicalHostedZoneId", loadBalancer.loadBalancer().getLoadBalancerCanonicalHostedZoneId());
            put(prefix + ":SecurityGroupId", loadBalancer.securityGroup().getSecurityGroupId());
            put(prefix + ":TargetsSecurityGroupId", loadBalancer.targetsSecurityGroup().getSecurityGroupId());
            // An application load balancer's listeners are the platform's; a network load balancer's belong to the
            // services (ECS-native blue/green needs a concrete listener in the service's stack), so none are exported.
            if (loadBalancer instanceof SharedLoadBalancer application) {
                put(prefix + ":" + HTTP_LISTENER_KEY + ":Arn", application.httpListener().getListenerArn());
                application.httpsListener().ifPresent(https -> put(prefix + ":" + HTTPS_LISTENER_KEY + ":Arn", https.getListenerArn()));
                application.testListener().ifPresent(test -> put(prefix + ":" + TEST_LISTENER_KEY + ":Arn", test.getListenerArn()));
            }
        });
        // Top-level IDs, so each output's logical ID is its key and never moves with a refactor.
        values.forEach((key, value) -> CfnOutput.Builder.create(platform, "Export" + key.replaceAll("[^A-Za-z0-9]", ""))
                .value(value)
                .exportName(exportName(key))
                .description("Platform contract: " + key + " (imported by service stacks; never remove while in use)")
                .build());
    }

    /** Exports the platform contract of {@code platform}; call once, after its resources exist. */
    static PlatformExports publish(PlatformStack platform, EnvironmentConfig environment) {
        return new PlatformExports(platform, environment);
    }

    /** The export name of {@code key}: unique per account and region because stack names are. */
    public String exportName(String key) {
        return stackName + ":" + key;
    }

    /** The platform's resources as handles in {@code consumer}, made only from imports of this contract. */
    public Imports importInto(Stack consumer) {
        return new Imports(consumer);
    }

    private void put(String key, String value) {
        if (values.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("platform export " + key + " is defined twice");
        }
    }

    private void putSubnets(Network network, String kind, List<ISubnet> subnets) {
        for (int i = 0; i < subnets.size(); i++) {
            put(kind + (i + 1) + "Id", subnets.get(i).getSubnetId());
            // An existing VPC's subnet is exported with its route table only when the config gives one.
            int number = i + 1;
            network.routeTableId(subnets.get(i)).ifPresent(routeTableId -> put(kind + number + "RouteTableId", routeTableId));
        }
    }

    private static String loadBalancerKey(String name) {
        return "LoadBalancer-" + name;
    }

    /** The platform as seen from one consuming stack. Each handle is made once per stack, when first asked for. */
    public final class Imports {

        private final Construct scope;
        private IVpc vpc;
        private SubnetSelection taskSubnetSelection;
        private ICluster cluster;
        private final Map<String, ImportedLoadBalancer> loadBalancers = new LinkedHashMap<>();
        private final Map<String, ImportedNetworkLoadBalancer> networkLoadBalancers = new LinkedHashMap<>();
        private ImportedServiceConnect serviceConnect;
        private ITopic alarmTopic;

        private Imports(Stack consumer) {
            this.scope = new Construct(consumer, "Platform");
        }

        /** The value of {@code key}; a key the contract does not export fails the synth, not the deploy. */
        private String value(String key) {
            if (!values.containsKey(key)) {
                throw new IllegalStateException("the platform contract has no export " + key + "; it has " + values.keySet());
            }
            return Fn.importValue(exportName(key));
        }

        /**
         * The VPC with its private and public subnets. Tasks run in the ones {@link #taskSubnets()} names; a subnet
         * tier nothing in the stack selects is never imported (its values are unused tokens).
         */
        public IVpc vpc() {
            if (vpc == null && !existingTaskSubnetZones.isEmpty()) {
                // An existing VPC: its ID and CIDR only; the tasks' subnets come from taskSubnetSelection().
                vpc = Vpc.fromVpcAttributes(scope, "Vpc", VpcAttributes.builder()
                        .vpcId(value("VpcId"))
                        .vpcCidrBlock(vpcCidr)
                        .availabilityZones(availabilityZones)
                        .build());
            }
            if (vpc == null) {
                vpc = Vpc.fromVpcAttributes(scope, "Vpc", VpcAttributes.builder()
                        .vpcId(value("VpcId"))
                        .vpcCidrBlock(vpcCidr)
                        .availabilityZones(availabilityZones)
                        .privateSubnetIds(subnetValues("PrivateSubnet", privateSubnetCount, "Id"))
                        .privateSubnetRouteTableIds(subnetValues("PrivateSubnet", privateSubnetCount, "RouteTableId"))
                        .publicSubnetIds(subnetValues("PublicSubnet", publicSubnetCount, "Id"))
                        .publicSubnetRouteTableIds(subnetValues("PublicSubnet", publicSubnetCount, "RouteTableId"))
                        .build());
            }
            return vpc;
        }

        /** Where the environment's tasks run: private subnets behind NAT, or public subnets with public IPs. */
        public TaskSubnets taskSubnets() {
            return taskSubnets;
        }

        /**
         * The subnets the tasks run in: by type in the VPC the platform created, each exported subnet (with its zone)
         * in an existing VPC.
         */
        public SubnetSelection taskSubnetSelection() {
            if (existingTaskSubnetZones.isEmpty()) {
                return SubnetSelection.builder().subnetType(taskSubnets.subnetType()).build();
            }
            if (taskSubnetSelection == null) {
                String kind = taskSubnets == TaskSubnets.PUBLIC ? "PublicSubnet" : "PrivateSubnet";
                List<ISubnet> subnets = new ArrayList<>();
                for (int i = 0; i < existingTaskSubnetZones.size(); i++) {
                    ISubnet subnet = Subnet.fromSubnetAttributes(scope, kind + (i + 1), SubnetAttributes.builder()
                            .subnetId(value(kind + (i + 1) + "Id"))
                            .availabilityZone(existingTaskSubnetZones.get(i))
                            .build());
                    // A service stack places tasks in it and reads nothing else.
                    Network.acknowledgeNoRouteTable(subnet);
                    subnets.add(subnet);
                }
                taskSubnetSelection = SubnetSelection.builder().subnets(subnets).build();
            }
            return taskSubnetSelection;
        }

        /**
         * The subnets of {@link #taskSubnetSelection()} whose IDs are {@code only} (the loader allows only an existing
         * network's private subnets there); all of them when {@code only} is empty.
         */
        public SubnetSelection taskSubnetSelection(List<String> only) {
            SubnetSelection all = taskSubnetSelection();
            if (only.isEmpty()) {
                return all;
            }
            List<ISubnet> chosen = new ArrayList<>();
            for (int i = 0; i < existingTaskSubnetIds.size(); i++) {
                if (only.contains(existingTaskSubnetIds.get(i))) {
                    chosen.add(all.getSubnets().get(i));
                }
            }
            return SubnetSelection.builder().subnets(chosen).build();
        }

        private List<String> subnetValues(String kind, int count, String suffix) {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ids.add(value(kind + i + suffix));
            }
            return ids;
        }

        /** The ECS cluster. */
        public ICluster cluster() {
            if (cluster == null) {
                cluster = Cluster.fromClusterAttributes(scope, "Cluster", ClusterAttributes.builder()
                        .clusterName(value("ClusterName"))
                        .clusterArn(value("ClusterArn"))
                        .vpc(vpc())
                        .securityGroups(List.of())
                        .build());
            }
            return cluster;
        }

        /**
         * A platform group by its exported ID, immutable: rules that admit it are written on the service's own
         * groups, and a rule on it from a service stack is a resource of that stack (NlbListener's client rules).
         */
        private ISecurityGroup importedGroup(Construct groupScope, String id, String key) {
            return SecurityGroup.fromSecurityGroupId(groupScope, id, value(key),
                    SecurityGroupImportOptions.builder().mutable(false).build());
        }

        /** The environment's alarm topic, which every alarm notifies. */
        public ITopic alarmTopic() {
            if (alarmTopic == null) {
                alarmTopic = Topic.fromTopicArn(scope, "AlarmTopic", value(ALARM_TOPIC_KEY));
            }
            return alarmTopic;
        }

        /** The Service Connect namespace's ARN and membership group, when the cluster has Service Connect. */
        public Optional<ImportedServiceConnect> serviceConnect() {
            if (!values.containsKey(SERVICE_CONNECT_KEY + ":NamespaceArn")) {
                return Optional.empty();
            }
            if (serviceConnect == null) {
                Construct connectScope = new Construct(scope, SERVICE_CONNECT_KEY);
                serviceConnect = new ImportedServiceConnect(value(SERVICE_CONNECT_KEY + ":NamespaceArn"),
                        importedGroup(connectScope, "SecurityGroup", SERVICE_CONNECT_KEY + ":SecurityGroupId"));
            }
            return Optional.of(serviceConnect);
        }

        /** The network load balancer named {@code name} in the environment file. */
        public ImportedNetworkLoadBalancer networkLoadBalancer(String name) {
            return networkLoadBalancers.computeIfAbsent(name, n -> {
                String prefix = loadBalancerKey(n);
                Construct lbScope = new Construct(scope, prefix);
                ISecurityGroup securityGroup = importedGroup(lbScope, "SecurityGroup", prefix + ":SecurityGroupId");
                ISecurityGroup targets = importedGroup(lbScope, "TargetsSecurityGroup", prefix + ":TargetsSecurityGroupId");
                INetworkLoadBalancer loadBalancer = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(lbScope,
                        "LoadBalancer", NetworkLoadBalancerAttributes.builder()
                                .loadBalancerArn(value(prefix + ":Arn"))
                                .loadBalancerDnsName(value(prefix + ":DnsName"))
                                .loadBalancerCanonicalHostedZoneId(value(prefix + ":CanonicalHostedZoneId"))
                                .loadBalancerSecurityGroups(List.of(securityGroup.getSecurityGroupId()))
                                .vpc(vpc())
                                .build());
                return new ImportedNetworkLoadBalancer(loadBalancer, securityGroup, targets, value(prefix + ":DnsName"),
                        value(prefix + ":FullName"));
            });
        }

        /** The application load balancer named {@code name} in the environment file. */
        public ImportedLoadBalancer loadBalancer(String name) {
            return loadBalancers.computeIfAbsent(name, n -> {
                String prefix = loadBalancerKey(n);
                Construct lbScope = new Construct(scope, prefix);
                ISecurityGroup securityGroup = importedGroup(lbScope, "SecurityGroup", prefix + ":SecurityGroupId");
                ISecurityGroup targets = importedGroup(lbScope, "TargetsSecurityGroup", prefix + ":TargetsSecurityGroupId");
                // Services route on the HTTPS listener when there is one; the HTTP listener then only redirects.
                boolean https = values.containsKey(prefix + ":" + HTTPS_LISTENER_KEY + ":Arn");
                IApplicationListener listener = ApplicationListener.fromApplicationListenerAttributes(lbScope, "Listener",
                        ApplicationListenerAttributes.builder()
                                .listenerArn(value(prefix + ":" + (https ? HTTPS_LISTENER_KEY : HTTP_LISTENER_KEY) + ":Arn"))
                                .securityGroup(securityGroup)
                                .build());
                String testKey = prefix + ":" + TEST_LISTENER_KEY + ":Arn";
                Optional<IApplicationListener> testListener = values.containsKey(testKey)
                        ? Optional.of(ApplicationListener.fromApplicationListenerAttributes(lbScope, "TestListener",
                                ApplicationListenerAttributes.builder()
                                        .listenerArn(value(testKey))
                                        .securityGroup(securityGroup)
                                        .build()))
                        : Optional.empty();
                return new ImportedLoadBalancer(listener, testListener, https, securityGroup, targets, value(prefix + ":DnsName"),
                        value(prefix + ":CanonicalHostedZoneId"), value(prefix + ":FullName"));
            });
        }
    }
}
