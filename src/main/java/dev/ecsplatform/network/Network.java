package dev.ecsplatform.network;

import dev.ecsplatform.config.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.IpAddresses;
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
import software.constructs.Construct;

/**
 * The environment's VPC: public subnets for load balancers and NAT gateways, private subnets with
 * egress for tasks, optionally isolated subnets, VPC flow logs of all traffic to a log group with
 * retention, and the default security group stripped of its rules.
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

    private final Vpc vpc;
    private final LogGroup flowLogGroup;
    private final Role flowLogRole;

    public Network(Construct scope, String id, Props props) {
        super(scope, id);
        NetworkConfig config = props.config();
        this.flowLogGroup = props.logs().newLogGroup(this, "FlowLogs", config.flowLogRetentionDays());
        // Our own role rather than CDK's, so that it trusts VPC Flow Logs only for this account's flow logs
        // (confused-deputy prevention, VPC guide "IAM role for publishing flow logs to CloudWatch Logs").
        Stack stack = Stack.of(this);
        this.flowLogRole = Role.Builder.create(this, "FlowLogsRole")
                .assumedBy(new ServicePrincipal("vpc-flow-logs.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":ec2:" + stack.getRegion() + ":"
                                + stack.getAccount() + ":vpc-flow-log/*"))))
                .description("Lets VPC Flow Logs of this account write to the flow-log group")
                .build();
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(config.cidr()))
                .maxAzs(config.maxAzs())
                .natGateways(config.natGateways())
                .subnetConfiguration(subnetTiers(config))
                // Security Hub EC2.2: the default security group must allow nothing.
                .restrictDefaultSecurityGroup(true)
                .flowLogs(Map.of("All", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogGroup, flowLogRole))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .build();

        // The flow log's grants create the role's inline policy under this ID; findChild throws if a CDK
        // release renames it, so the acknowledgment can never silently fall off.
        Acknowledgments.acknowledge(flowLogRole.getNode().findChild("DefaultPolicy"),
                "NIST.800.53.R5-IAMNoInlinePolicy",
                "CDK writes the flow-log role's policy inline, scoped to this VPC's flow-log group; a managed policy could be "
                        + "attached to other roles. Every change to it is shown by the review report, which requires approval when access widens.");

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
     * Every tier gets subnets four bits smaller than the VPC (a /16 gives /20s), which leaves room for
     * up to 16 subnets: 3 tiers x 3 AZs fit, and adding the isolated tier later appends subnets
     * without renumbering (and so replacing) the existing ones.
     */
    private static List<SubnetConfiguration> subnetTiers(NetworkConfig config) {
        int vpcPrefix = Integer.parseInt(config.cidr().substring(config.cidr().indexOf('/') + 1));
        int subnetPrefix = vpcPrefix + 4;
        List<SubnetConfiguration> tiers = new ArrayList<>();
        tiers.add(SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC)
                // Only load balancers and NAT gateways live here; nothing gets a public IP by accident (EC2.15).
                .mapPublicIpOnLaunch(false).cidrMask(subnetPrefix).build());
        tiers.add(SubnetConfiguration.builder().name("private").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                .cidrMask(subnetPrefix).build());
        if (config.isolatedSubnets()) {
            tiers.add(SubnetConfiguration.builder().name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED)
                    .cidrMask(subnetPrefix).build());
        }
        return tiers;
    }

    /** The VPC. */
    public IVpc vpc() {
        return vpc;
    }

    /** The log group that receives the VPC flow logs. */
    public ILogGroup flowLogGroup() {
        return flowLogGroup;
    }
}
