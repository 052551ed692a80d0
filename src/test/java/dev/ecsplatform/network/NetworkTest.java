package dev.ecsplatform.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The VPC: CIDR, subnet tiers, NAT gateways, flow logs and the default security group. */
class NetworkTest {

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
