package dev.ecsplatform.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The VPC: CIDR, subnet tiers and sizes, egress (NAT gateways, NAT instance, none), endpoints, flow logs, default group. */
class NetworkTest {

    /** fixtures/environments/natinst.yaml: one NAT instance, every endpoint, isolated subnets, a /20 VPC. */
    private final Template natInstance = Fixtures.platform("natinst");
    /** fixtures/environments/cheap.yaml: egress publicIps, /24 subnets, isolated subnets, the S3 endpoint. */
    private final Template cheap = Fixtures.platform("cheap");

    @Test
    void usesTheConfiguredCidr() {
        Fixtures.platform("dev").hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.10.0.0/16"));
        Fixtures.platform("prod").hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.30.0.0/16"));
    }

    @Test
    void spreadsPublicAndPrivateSubnetsOverTheConfiguredAzs() {
        // dev: 2 AZs x (public, private); prod: 3 AZs x (public, private, isolated).
        Fixtures.platform("dev").resourceCountIs("AWS::EC2::Subnet", 4);
        Fixtures.platform("prod").resourceCountIs("AWS::EC2::Subnet", 9);
    }

    @Test
    void subnetsAreFourBitsSmallerThanTheVpc() {
        Template dev = Fixtures.platform("dev");
        dev.allResourcesProperties("AWS::EC2::Subnet", Map.of("CidrBlock", Match.stringLikeRegexp("^10\\.10\\.\\d+\\.0/20$")));
    }

    @Test
    void sizesSubnetsAsConfigured() {
        cheap.allResourcesProperties("AWS::EC2::Subnet", Map.of("CidrBlock", Match.stringLikeRegexp("^10\\.60\\.\\d+\\.0/24$")));
        // A /20 VPC without subnetPrefix: /24s.
        natInstance.allResourcesProperties("AWS::EC2::Subnet", Map.of("CidrBlock", Match.stringLikeRegexp("^10\\.70\\.\\d+\\.0/24$")));
    }

    @Test
    void noSubnetHandsOutPublicIps() {
        Fixtures.platform("prod").allResourcesProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false));
    }

    @Test
    void runsOneNatGatewayInDevAndOnePerAzInProd() {
        Fixtures.platform("dev").resourceCountIs("AWS::EC2::NatGateway", 1);
        Fixtures.platform("internal").resourceCountIs("AWS::EC2::NatGateway", 2);
        Fixtures.platform("prod").resourceCountIs("AWS::EC2::NatGateway", 3);
    }

    @Test
    void withoutNatHasNoPrivateSubnetsButKeepsTheirAddressesReserved() {
        assertThat(cheap.findResources("AWS::EC2::NatGateway")).isEmpty();
        assertThat(cheap.findResources("AWS::EC2::Instance")).isEmpty();
        assertThat(cheap.findResources("AWS::EC2::EIP")).isEmpty();
        // public 10.60.0-1, private 10.60.2-3 reserved (not created), isolated 10.60.4-5.
        assertThat(cheap.findResources("AWS::EC2::Subnet").values()).extracting(subnet -> cidrOf(subnet))
                .containsExactlyInAnyOrder("10.60.0.0/24", "10.60.1.0/24", "10.60.4.0/24", "10.60.5.0/24");
        assertThat(cheap.findResources("AWS::EC2::Route").values()).allSatisfy(route ->
                assertThat(properties(route)).containsKey("GatewayId"));
    }

    @Test
    void runsOneNatInstanceForEveryPrivateSubnet() {
        natInstance.resourceCountIs("AWS::EC2::NatGateway", 0);
        natInstance.resourceCountIs("AWS::EC2::Instance", 1);
        natInstance.hasResourceProperties("AWS::EC2::Instance", Map.of(
                "InstanceType", "t4g.nano",
                "SourceDestCheck", false,
                // The public subnets hand out no public IPs; a NAT instance without one forwards nothing.
                "NetworkInterfaces", List.of(Match.objectLike(Map.of("AssociatePublicIpAddress", true, "DeviceIndex", "0")))));
        natInstance.resourcePropertiesCountIs("AWS::EC2::Route", Map.of(
                "DestinationCidrBlock", "0.0.0.0/0", "InstanceId", Map.of("Ref", Match.stringLikeRegexp("NatInstance"))), 2);
    }

    @Test
    void resolvesTheNatInstancesAmazonLinux2023AmiAtDeployTimeWithoutALookup() {
        Map<String, Map<String, Object>> parameters = natInstance.findParameters("*", Map.of(
                "Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"));
        assertThat(parameters.values()).singleElement().satisfies(parameter -> assertThat(parameter.get("Default"))
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64"));
        natInstance.hasResourceProperties("AWS::EC2::Instance", Map.of("ImageId", Map.of("Ref", parameters.keySet().iterator().next())));
        // Nothing asked for a context lookup, so nothing would be written to cdk.context.json.
        assertThat(Fixtures.stage("natinst").synth().getManifest().getMissing()).isNullOrEmpty();
    }

    @Test
    void hardensTheNatInstance() {
        natInstance.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of(
                "LaunchTemplateData", Map.of("MetadataOptions", Map.of("HttpTokens", "required"))));
        natInstance.hasResourceProperties("AWS::EC2::Instance", Map.of(
                "LaunchTemplate", Map.of("LaunchTemplateId", Map.of("Ref", Match.stringLikeRegexp("NatInstanceLaunchTemplate")),
                        "Version", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NatInstanceLaunchTemplate"), "LatestVersionNumber"))),
                "BlockDeviceMappings", List.of(Map.of("DeviceName", "/dev/xvda", "Ebs", Map.of(
                        "Encrypted", true, "VolumeType", "gp3", "DeleteOnTermination", true))),
                "KeyName", Match.absent()));
        // In only from the private subnets (never from the internet), out anywhere.
        natInstance.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", "Security Group for NAT instances",
                "SecurityGroupIngress", List.of(
                        Match.objectLike(Map.of("CidrIp", "10.70.2.0/24", "IpProtocol", "-1")),
                        Match.objectLike(Map.of("CidrIp", "10.70.3.0/24", "IpProtocol", "-1")))));
    }

    @Test
    void carriesReasonedGuardExceptionsForWhatANatInstanceIs() {
        natInstance.hasResource("AWS::EC2::Instance", Map.of("Metadata", Map.of("ecsplatform:guardExceptions", List.of(
                Match.objectLike(Map.of("control", "CT.EC2.PR.8")),
                Match.objectLike(Map.of("control", "CT.EC2.PR.13")),
                Match.objectLike(Map.of("control", "CT.EC2.PR.19"))))));
        natInstance.hasResource("AWS::EC2::LaunchTemplate", Map.of("Metadata", Map.of("ecsplatform:guardExceptions", List.of(
                Match.objectLike(Map.of("control", "CT.EC2.PR.10"))))));
    }

    @Test
    void reachesAwsServicesThroughTheConfiguredEndpoints() {
        natInstance.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"), 1);
        for (String service : List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm")) {
            natInstance.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", "com.amazonaws.eu-west-1." + service,
                    "VpcEndpointType", "Interface",
                    "PrivateDnsEnabled", true,
                    "SubnetIds", List.of(Map.of("Ref", Match.stringLikeRegexp("^NetworkVpcprivateSubnet1")),
                            Map.of("Ref", Match.stringLikeRegexp("^NetworkVpcprivateSubnet2")))));
        }
        natInstance.resourceCountIs("AWS::EC2::VPCEndpoint", 6);
        natInstance.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", "Interface VPC endpoints: HTTPS from inside the VPC only",
                "SecurityGroupIngress", List.of(Map.of("CidrIp", "10.70.0.0/20", "IpProtocol", "tcp", "FromPort", 443,
                        "ToPort", 443, "Description", "HTTPS from inside the VPC"))));
        // cheap.yaml asks for S3 only: the free gateway endpoint, no interface endpoint and no group for one.
        cheap.resourceCountIs("AWS::EC2::VPCEndpoint", 1);
        cheap.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"));
        Fixtures.platform("dev").resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }

    private static String cidrOf(Object subnet) {
        return (String) properties(subnet).get("CidrBlock");
    }

    @Test
    void sendsAllFlowLogsToALogGroupWithRetention() {
        Template dev = Fixtures.platform("dev");
        dev.hasResourceProperties("AWS::EC2::FlowLog", Map.of(
                "TrafficType", "ALL",
                "LogDestinationType", "cloud-watch-logs",
                "ResourceType", "VPC"));
        // dev.yaml sets logs.retentionDays: 14 and the flow logs follow it.
        dev.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 14),
                "DeletionPolicy", "Delete",
                "UpdateReplacePolicy", "Delete"));
    }

    @Test
    void retainsTheFlowLogGroupInProd() {
        Fixtures.platform("prod").hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 365),
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void stripsTheDefaultSecurityGroupOfItsRules() {
        Fixtures.platform("dev").resourceCountIs("Custom::VpcRestrictDefaultSG", 1);
    }

    @Test
    void createsNoNetworkAcls() {
        assertThat(Fixtures.platform("prod").findResources("AWS::EC2::NetworkAcl")).isEmpty();
        assertThat(List.of("dev", "internal", "prod")).allSatisfy(env ->
                assertThat(Fixtures.platform(env).findResources("AWS::EC2::NetworkAclEntry")).isEmpty());
    }
}
