package dev.ecsplatform.network;

import dev.ecsplatform.config.ExistingNetworkConfig;
import dev.ecsplatform.config.ExistingSubnetConfig;
import dev.ecsplatform.config.NatGatewaysConfig;
import dev.ecsplatform.config.NatInstanceConfig;
import dev.ecsplatform.config.NetworkConfig;
import dev.ecsplatform.config.PublicIpsConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.ec2.FlowLog;
import software.amazon.awscdk.services.ec2.FlowLogResourceType;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetAttributes;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.ec2.CfnInstance;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Instance;
import software.amazon.awscdk.services.ec2.CfnLaunchTemplate;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.NatInstanceProps;
import software.amazon.awscdk.services.ec2.NatInstanceProviderV2;
import software.amazon.awscdk.services.ec2.NatProvider;
import software.amazon.awscdk.services.ec2.NatTrafficDirection;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import dev.ecsplatform.compliance.Acknowledgments;
import dev.ecsplatform.logging.LogStorage;
import dev.ecsplatform.service.WritableVolumes;
import software.constructs.Construct;

/**
 * The environment's VPC: public subnets for load balancers and NAT, private subnets with egress for tasks
 * (or, with {@code egress.publicIps}, tasks in the public subnets and the private tier's addresses reserved),
 * optionally isolated subnets and VPC endpoints, VPC flow logs of all traffic to a log group with retention,
 * and the default security group stripped of its rules.
 *
 * <p>Egress is NAT gateways, one NAT instance (CDK's NAT instance provider v2 on Amazon Linux 2023) or none at
 * all. The NAT instance's AMI is CDK's default, an SSM parameter that CloudFormation resolves at every deploy
 * (a template parameter of type {@code AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>}, never a context lookup):
 * synth stays offline, and the first deploy after AWS publishes a newer Amazon Linux 2023 AMI replaces the
 * instance (ImageId cannot change in place). That is how the instance gets patched; the cost is a minute or two
 * without egress from the private subnets during that platform deploy and a new public IP (ADR 0010).
 */
public final class Network extends Construct {

    /**
     * Inputs of the network.
     *
     * @param config the network settings
     * @param logs   how the flow-log group is kept (retained and KMS-encrypted in prod)
     */
    public record Props(NetworkConfig config, LogStorage logs) {
    }

    private final IVpc vpc;
    private final Optional<LogGroup> flowLogGroup;
    private final TaskSubnets taskSubnets;
    /** The subnets of an existing VPC by tier; empty for a VPC this construct creates, whose subnets are typed. */
    private final Map<SubnetType, List<ISubnet>> existingSubnets;
    private final boolean existing;
    /** The route tables an existing VPC's subnets were given with (an imported subnet without one cannot say so). */
    private final Map<ISubnet, String> givenRouteTables = new java.util.IdentityHashMap<>();

    public Network(Construct scope, String id, Props props) {
        super(scope, id);
        NetworkConfig config = props.config();
        Optional<ExistingNetworkConfig> existing = config.existing();
        this.existing = existing.isPresent();
        if (existing.isPresent()) {
            ExistingNetworkConfig given = existing.get();
            this.existingSubnets = new EnumMap<>(SubnetType.class);
            existingSubnets.put(SubnetType.PRIVATE_WITH_EGRESS, importSubnets("Private", given.privateSubnets()));
            existingSubnets.put(SubnetType.PUBLIC, importSubnets("Public", given.publicSubnets()));
            existingSubnets.put(SubnetType.PRIVATE_ISOLATED, importSubnets("Isolated", given.isolatedSubnets()));
            // Attributes only, nothing looked up: the subnets are handed to each consumer explicitly (subnets()), because
            // fromVpcAttributes would need every tier in the same zones, in the same order.
            this.vpc = Vpc.fromVpcAttributes(this, "Vpc", VpcAttributes.builder()
                    .vpcId(given.vpcId())
                    .vpcCidrBlock(given.cidr())
                    .availabilityZones(given.privateSubnets().stream().map(ExistingSubnetConfig::availabilityZone).distinct().toList())
                    .build());
            this.taskSubnets = TaskSubnets.PRIVATE;
            if (given.flowLogs()) {
                LogGroup group = props.logs().newLogGroup(this, "FlowLogs", config.flowLogRetentionDays());
                Role role = flowLogRole();
                FlowLog.Builder.create(this, "FlowLog")
                        .resourceType(FlowLogResourceType.fromVpc(vpc))
                        .destination(FlowLogDestination.toCloudWatchLogs(group, role))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build();
                acknowledgeFlowLogPolicy(role);
                this.flowLogGroup = Optional.of(group);
            } else {
                this.flowLogGroup = Optional.empty();
            }
            if (!config.endpoints().isEmpty()) {
                // The S3 gateway adds its route only to the route tables of the subnets the tasks run in.
                new VpcEndpoints(this, "Endpoints", new VpcEndpoints.Props(vpc, given.cidr(), config.endpoints(),
                        onePerZone(existingSubnets.get(SubnetType.PRIVATE_WITH_EGRESS)),
                        Optional.of(subnets(SubnetType.PRIVATE_WITH_EGRESS))));
            }
            return;
        }
        this.existingSubnets = Map.of();
        LogGroup group = props.logs().newLogGroup(this, "FlowLogs", config.flowLogRetentionDays());
        this.flowLogGroup = Optional.of(group);
        Role flowLogRole = flowLogRole();
        Vpc.Builder builder = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(config.cidr()))
                .maxAzs(config.maxAzs())
                .subnetConfiguration(subnetTiers(config))
                // Security Hub EC2.2: the default security group must allow nothing.
                .restrictDefaultSecurityGroup(true)
                .flowLogs(Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(group, flowLogRole))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()));
        NatInstanceProviderV2 natInstances = null;
        if (config.egress() instanceof NatGatewaysConfig gateways) {
            builder.natGateways(gateways.count());
        } else if (config.egress() instanceof NatInstanceConfig instance) {
            natInstances = NatProvider.instanceV2(NatInstanceProps.builder()
                    .instanceType(new InstanceType(instance.instanceType()))
                    // CDK's default admits all inbound traffic from anywhere; only what the private subnets send is
                    // admitted, in hardenNatInstances.
                    .defaultAllowedTraffic(NatTrafficDirection.OUTBOUND_ONLY)
                    // The public subnets do not hand out public IPs (MapPublicIpOnLaunch false), and a NAT without one
                    // forwards nothing.
                    .associatePublicIpAddress(true)
                    .build());
            // One instance, in the first AZ, for every private subnet: the cheap choice; prod rejects it.
            builder.natGatewayProvider(natInstances).natGateways(1);
        } else {
            // egress.publicIps: no NAT; the private tier is reserved (subnetTiers).
            builder.natGateways(0);
        }
        Vpc created = builder.build();
        this.vpc = created;
        this.taskSubnets = config.egress() instanceof PublicIpsConfig ? TaskSubnets.PUBLIC : TaskSubnets.PRIVATE;
        if (natInstances != null) {
            hardenNatInstances(created, natInstances);
        }
        if (!config.endpoints().isEmpty()) {
            new VpcEndpoints(this, "Endpoints", new VpcEndpoints.Props(vpc, config.cidr(), config.endpoints(),
                    SubnetSelection.builder().subnetType(taskSubnets.subnetType()).build(), Optional.empty()));
        }
        acknowledgeFlowLogPolicy(flowLogRole);

        // cdk-nag and cloudformation-validate read acknowledgments app-wide; this is where the reason lives.
        Acknowledgments.acknowledge(vpc, "CloudFormation-Validate::W3010",
                "Environments are pinned to an account and region, so CDK writes the AZ names cached in cdk.context.json. "
                        + "Pinned names keep subnets in place; an AZ lookup that changed would otherwise renumber and replace them.");
        for (ISubnet subnet : vpc.getPublicSubnets()) {
            Acknowledgments.acknowledge(subnet.getNode().findChild("DefaultRoute"), "NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW",
                    "Only public subnets route to the internet gateway, and only the load balancers and NAT gateways live there "
                            + "(MapPublicIpOnLaunch is false). Tasks run in private subnets and admit traffic only from the load balancer's security group.");
        }
    }

    /**
     * Our own role rather than CDK's, so that it trusts VPC Flow Logs only for this account's flow logs
     * (confused-deputy prevention, VPC guide "IAM role for publishing flow logs to CloudWatch Logs").
     */
    private Role flowLogRole() {
        Stack stack = Stack.of(this);
        Role role = Role.Builder.create(this, "FlowLogsRole")
                .assumedBy(new ServicePrincipal("vpc-flow-logs.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":ec2:" + stack.getRegion() + ":"
                                + stack.getAccount() + ":vpc-flow-log/*"))))
                .description("Lets VPC Flow Logs of this account write to the flow-log group")
                .build();
        return role;
    }

    /**
     * The flow log's grants create the role's inline policy under this ID; findChild throws if a CDK release renames
     * it, so the acknowledgment can never silently fall off. Call once the flow log exists.
     */
    private static void acknowledgeFlowLogPolicy(Role role) {
        Acknowledgments.acknowledge(role.getNode().findChild("DefaultPolicy"),
                "NIST.800.53.R5-IAMNoInlinePolicy",
                "CDK writes the flow-log role's policy inline, scoped to this VPC's flow-log group; a managed policy could be "
                        + "attached to other roles. Every change to it is shown by the review report, which requires approval when access widens.");
    }

    /** Handles of an existing VPC's subnets of one tier, with their zones and route tables as written. */
    private List<ISubnet> importSubnets(String tier, List<ExistingSubnetConfig> configs) {
        List<ISubnet> subnets = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ExistingSubnetConfig config = configs.get(i);
            ISubnet subnet = Subnet.fromSubnetAttributes(this, tier + "Subnet" + (i + 1), SubnetAttributes.builder()
                    .subnetId(config.id())
                    .availabilityZone(config.availabilityZone())
                    .routeTableId(config.routeTableId().orElse(null))
                    .build());
            config.routeTableId().ifPresent(routeTable -> givenRouteTables.put(subnet, routeTable));
            if (config.routeTableId().isEmpty()) {
                acknowledgeNoRouteTable(subnet);
            }
            subnets.add(subnet);
        }
        return List.copyOf(subnets);
    }

    /**
     * CDK warns that an imported subnet without a route table answers null when asked for one. Nothing asks: the
     * exports leave its RouteTableId out (routeTableId()), and the only consumer of route tables, the S3 gateway
     * endpoint, is rejected by the loader unless the task subnets have theirs.
     */
    public static void acknowledgeNoRouteTable(ISubnet subnet) {
        Annotations.of(subnet).acknowledgeWarning("@aws-cdk/aws-ec2:noSubnetRouteTableId",
                "Subnet of an existing VPC given without routeTableId; nothing reads its route table");
    }

    /** The first subnet in each zone: an interface endpoint takes one per zone (the loader allows no more anyway). */
    private static SubnetSelection onePerZone(List<ISubnet> subnets) {
        Map<String, ISubnet> byZone = new LinkedHashMap<>();
        subnets.forEach(subnet -> byZone.putIfAbsent(subnet.getAvailabilityZone(), subnet));
        return SubnetSelection.builder().subnets(List.copyOf(byZone.values())).build();
    }

    /**
     * The NAT instances' traps: the provider's security group admits nothing with OUTBOUND_ONLY, so the private
     * subnets (and only they) are admitted here; IMDSv2 is required (a launch template with HttpTokens required);
     * the root volume is encrypted.
     */
    private void hardenNatInstances(Vpc vpc, NatInstanceProviderV2 natInstances) {
        for (ISubnet subnet : vpc.getPrivateSubnets()) {
            natInstances.getConnections().allowFrom(Peer.ipv4(subnet.getIpv4CidrBlock()), Port.allTraffic(),
                    "Traffic to the internet from private subnet " + subnet.getIpv4CidrBlock());
        }
        for (Instance instance : natInstances.getGatewayInstances()) {
            // IMDSv2 only: what CDK's InstanceRequireImdsv2Aspect does, made here so the template can carry its reasons.
            CfnLaunchTemplate launchTemplate = CfnLaunchTemplate.Builder.create(instance, "LaunchTemplate")
                    .launchTemplateData(CfnLaunchTemplate.LaunchTemplateDataProperty.builder()
                            .metadataOptions(CfnLaunchTemplate.MetadataOptionsProperty.builder().httpTokens("required").build())
                            .build())
                    .build();
            instance.getInstance().setLaunchTemplate(CfnInstance.LaunchTemplateSpecificationProperty.builder()
                    .launchTemplateId(launchTemplate.getRef())
                    .version(launchTemplate.getAttrLatestVersionNumber())
                    .build());
            // Control Tower findings that are the NAT instance's nature; the cfn-guard gate honours them outside prod
            // only, and the loader rejects a NAT instance in prod.
            String monitoring = "The NAT instance keeps basic 5-minute monitoring (detailed monitoring costs about as much "
                    + "as the instance); the VPC flow logs record every connection through it. Not allowed in prod.";
            launchTemplate.addMetadata(WritableVolumes.GUARD_EXCEPTIONS_METADATA, List.of(Map.of(
                    "control", "CT.EC2.PR.10", "reason", monitoring)));
            instance.getInstance().addMetadata(WritableVolumes.GUARD_EXCEPTIONS_METADATA, List.of(
                    Map.of("control", "CT.EC2.PR.8", "reason", "A NAT instance forwards the private subnets' traffic to the "
                            + "internet by its own public IP; its security group admits only the private subnets. Not allowed in prod."),
                    Map.of("control", "CT.EC2.PR.13", "reason", monitoring),
                    Map.of("control", "CT.EC2.PR.19", "reason", "The NAT instance only forwards packets between the private "
                            + "subnets and the internet, where the tasks' own TLS (AWS APIs, registries) protects them; a Nitro type "
                            + "with in-transit encryption costs many times a t4g.nano. Not allowed in prod.")));
            // The provider takes no block devices; without this the root volume follows the account's EBS default,
            // which may be unencrypted (AwsSolutions-EC26). /dev/xvda is Amazon Linux 2023's root device.
            instance.getInstance().setBlockDeviceMappings(List.of(CfnInstance.BlockDeviceMappingProperty.builder()
                    .deviceName("/dev/xvda")
                    .ebs(CfnInstance.EbsProperty.builder().encrypted(true).volumeType("gp3").deleteOnTermination(true).build())
                    .build()));
            Acknowledgments.acknowledge(instance, "AwsSolutions-EC28",
                    "The dev NAT instance keeps basic 5-minute monitoring: detailed monitoring costs about as much as the "
                            + "instance itself. The VPC flow logs record every connection through it; prod uses NAT gateways.");
            Acknowledgments.acknowledge(instance, "AwsSolutions-EC29",
                    "Termination protection would make CloudFormation fail to replace the instance when a newer Amazon Linux "
                            + "2023 AMI is resolved at deploy time, which is how it is patched. Only CloudFormation manages it; prod uses NAT gateways.");
        }
    }

    /**
     * Every tier gets subnets of {@code network.subnetPrefix} (by default four bits smaller than the VPC, so a
     * /16 gives /20s and there is room for 16: 3 tiers x 3 AZs fit, and adding the isolated tier later appends
     * subnets without renumbering, and so replacing, the existing ones). Without NAT the private tier is
     * reserved rather than left out, for the same reason: the isolated tier keeps its addresses, and switching
     * to NAT later only adds subnets.
     */
    private static List<SubnetConfiguration> subnetTiers(NetworkConfig config) {
        int subnetPrefix = config.subnetPrefix();
        List<SubnetConfiguration> tiers = new ArrayList<>();
        tiers.add(SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC)
                // Nothing gets a public IP by accident (EC2.15): NAT instances and tasks with egress.publicIps ask for one.
                .mapPublicIpOnLaunch(false).cidrMask(subnetPrefix).build());
        tiers.add(SubnetConfiguration.builder().name("private").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                .reserved(config.egress() instanceof PublicIpsConfig)
                .cidrMask(subnetPrefix).build());
        if (config.isolatedSubnets()) {
            tiers.add(SubnetConfiguration.builder().name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED)
                    .cidrMask(subnetPrefix).build());
        }
        return tiers;
    }

    /** Where the tasks run: private subnets behind NAT, or the public subnets with public IPs. */
    public TaskSubnets taskSubnets() {
        return taskSubnets;
    }

    /** Whether the VPC exists outside this product (network.existing); nothing is then added to it unless asked. */
    public boolean existing() {
        return existing;
    }

    /**
     * How to select the subnets of a tier ({@code PUBLIC}, {@code PRIVATE_WITH_EGRESS}, {@code PRIVATE_ISOLATED}): by
     * type in a VPC this construct creates, the given subnets themselves in an existing one.
     */
    public SubnetSelection subnets(SubnetType tier) {
        return existing()
                ? SubnetSelection.builder().subnets(subnetsOf(tier)).build()
                : SubnetSelection.builder().subnetType(tier).build();
    }

    /** The ID of {@code subnet}'s route table: always in a VPC this construct creates, when given in an existing one. */
    public Optional<String> routeTableId(ISubnet subnet) {
        return existing ? Optional.ofNullable(givenRouteTables.get(subnet)) : Optional.of(subnet.getRouteTable().getRouteTableId());
    }

    /** The subnets of a tier, in the order they are exported. */
    public List<ISubnet> subnetsOf(SubnetType tier) {
        if (existing()) {
            return existingSubnets.getOrDefault(tier, List.of());
        }
        return switch (tier) {
            case PUBLIC -> vpc.getPublicSubnets();
            case PRIVATE_ISOLATED -> vpc.getIsolatedSubnets();
            default -> vpc.getPrivateSubnets();
        };
    }

    /** The VPC. */
    public IVpc vpc() {
        return vpc;
    }

    /** The log group that receives the VPC flow logs; none for an existing VPC without {@code flowLogs}. */
    public Optional<ILogGroup> flowLogGroup() {
        return flowLogGroup.map(group -> (ILogGroup) group);
    }
}
