package dev.ecsplatform.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * An existing VPC given by IDs (network.existing, ADR 0011): everything the product makes attaches to the given VPC and
 * subnets, and nothing is added to the network unless the config asks (flow logs, endpoints).
 */
class ExistingNetworkTest {

    /** fixtures/environments/byoid.yaml: nothing asked for; public subnets in 2 zones, private in 3. */
    private final Template byoid = Fixtures.platform("byoid");
    /** fixtures/environments/byoidprod.yaml: prod, with a flow log and the s3, ecr and logs endpoints. */
    private final Template byoidProd = Fixtures.platform("byoidprod");

    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final List<String> PRIVATE = List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3");

    @Test
    void addsNothingToTheNetworkItIsNotAskedFor() {
        // Only security groups (and their rules) of the product's own load balancers: no VPC, subnet, route, gateway,
        // NAT, endpoint, flow log or default-security-group custom resource.
        assertThat(byoid.toJSON().get("Resources")).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) byoid.toJSON().get("Resources");
        assertThat(resources.values()).extracting(resource -> (String) resource.get("Type"))
                .filteredOn(type -> type.startsWith("AWS::EC2::") || type.startsWith("Custom::") || type.startsWith("AWS::Logs::"))
                .allMatch(type -> type.equals("AWS::EC2::SecurityGroup") || type.startsWith("AWS::EC2::SecurityGroupEgress")
                        || type.startsWith("AWS::EC2::SecurityGroupIngress"));
        for (String type : List.of("AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::NatGateway", "AWS::EC2::Route",
                "AWS::EC2::RouteTable", "AWS::EC2::InternetGateway", "AWS::EC2::EIP", "AWS::EC2::FlowLog",
                "AWS::EC2::VPCEndpoint", "Custom::VpcRestrictDefaultSG", "AWS::Lambda::Function")) {
            byoid.resourceCountIs(type, 0);
        }
    }

    @Test
    void putsTheLoadBalancersInTheGivenSubnetsOfTheirTier() {
        byoid.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing", "Subnets", List.of("subnet-0bbbbbbbbbbbbbbb2", "subnet-0bbbbbbbbbbbbbbb1")));
        byoid.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internal", "Subnets", PRIVATE));
    }

    @Test
    void makesItsSecurityGroupsInTheGivenVpc() {
        byoid.allResourcesProperties("AWS::EC2::SecurityGroup", Map.of("VpcId", VPC));
        Fixtures.service("byoid", "web").allResourcesProperties("AWS::EC2::SecurityGroup", Map.of("VpcId",
                Map.of("Fn::ImportValue", "byoid-platform:VpcId")));
    }

    @Test
    void exportsTheGivenIdsUnderTheSameKeysAsACreatedVpc() {
        byoid.hasOutput("ExportVpcId", Map.of("Value", VPC, "Export", Map.of("Name", "byoid-platform:VpcId")));
        for (int i = 0; i < PRIVATE.size(); i++) {
            byoid.hasOutput("ExportPrivateSubnet" + (i + 1) + "Id", Map.of("Value", PRIVATE.get(i)));
            byoid.hasOutput("ExportPrivateSubnet" + (i + 1) + "RouteTableId", Map.of("Value", "rtb-0aaaaaaaaaaaaaaa" + (i + 1)));
        }
        byoid.hasOutput("ExportPublicSubnet1Id", Map.of("Value", "subnet-0bbbbbbbbbbbbbbb2"));
        byoid.hasOutput("ExportIsolatedSubnet1Id", Map.of("Value", "subnet-0ccccccccccccccc1"));
        byoid.hasOutput("ExportIsolatedSubnet1RouteTableId", Map.of("Value", "rtb-0ccccccccccccccc1"));
        // A subnet given without its route table exports none: there is no value to export.
        assertThat(byoid.findOutputs("ExportPublicSubnet1RouteTableId")).isEmpty();
    }

    @Test
    void runsTheTasksInTheGivenPrivateSubnetsWithoutPublicIpsAndTheExtraSecurityGroups() {
        Fixtures.service("byoid", "web").hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of(
                "AwsvpcConfiguration", Map.of(
                        "AssignPublicIp", "DISABLED",
                        "Subnets", List.of(Map.of("Fn::ImportValue", "byoid-platform:PrivateSubnet1Id"),
                                Map.of("Fn::ImportValue", "byoid-platform:PrivateSubnet2Id"),
                                Map.of("Fn::ImportValue", "byoid-platform:PrivateSubnet3Id")),
                        "SecurityGroups", List.of(Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("GroupId")))),
                                Map.of("Fn::ImportValue", "byoid-platform:LoadBalancer-public:TargetsSecurityGroupId"),
                                "sg-0123456789abcdef0", "sg-12345678")))));
        // The given groups are worn as they are: no rule is added to them.
        Fixtures.service("byoid", "web").resourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress",
                Map.of("GroupId", Match.stringLikeRegexp("^sg-")), 0);
        Fixtures.service("byoid", "ledger").hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of(
                "AwsvpcConfiguration", Map.of("SecurityGroups", List.of(
                        Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("GroupId")))),
                        Map.of("Fn::ImportValue", "byoid-platform:LoadBalancer-private:TargetsSecurityGroupId"))))));
    }

    @Test
    void aServiceCanRunInSomeOfThePrivateSubnetsOnly() {
        Fixtures.service("byoid", "ledger").hasResourceProperties("AWS::ECS::Service", Map.of("NetworkConfiguration", Map.of(
                "AwsvpcConfiguration", Match.objectLike(Map.of("Subnets", List.of(
                        Map.of("Fn::ImportValue", "byoid-platform:PrivateSubnet1Id"),
                        Map.of("Fn::ImportValue", "byoid-platform:PrivateSubnet3Id")))))));
    }

    @Test
    void addsAFlowLogOnlyWhenAsked() {
        byoidProd.resourceCountIs("AWS::EC2::FlowLog", 1);
        byoidProd.hasResourceProperties("AWS::EC2::FlowLog", Map.of("ResourceId", "vpc-0f1e2d3c", "ResourceType", "VPC",
                "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs"));
        // Prod's flow-log group keeps logs a year, like a created VPC's.
        byoidProd.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
        byoid.resourceCountIs("AWS::Logs::LogGroup", 0);
        byoid.resourceCountIs("AWS::IAM::Role", 0);
    }

    @Test
    void addsTheAskedEndpointsInTheTaskSubnetsAndRoutesS3OnlyThroughTheirRouteTables() {
        byoidProd.resourceCountIs("AWS::EC2::VPCEndpoint", 4);
        byoidProd.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway", "VpcId", "vpc-0f1e2d3c",
                // Two subnets share a route table: each route table once.
                "RouteTableIds", List.of("rtb-0ddddddddddddddd1", "rtb-0ddddddddddddddd3")));
        byoidProd.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Interface",
                "SubnetIds", List.of("subnet-0ddddddddddddddd1", "subnet-0ddddddddddddddd2", "subnet-0ddddddddddddddd3")), 3);
        // HTTPS from the existing VPC's CIDR only.
        byoidProd.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", List.of(Map.of(
                "CidrIp", "10.90.0.0/20", "FromPort", 443, "ToPort", 443, "IpProtocol", "tcp", "Description", "HTTPS from inside the VPC"))));
    }

    @Test
    void anInternalLoadBalancerAdmitsTheExistingVpcsCidrByDefault() {
        byoid.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", Match.arrayWith(List.of(
                Match.objectLike(Map.of("CidrIp", "172.31.0.0/16"))))));
    }
}
