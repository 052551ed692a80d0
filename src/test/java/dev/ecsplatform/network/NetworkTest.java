package dev.ecsplatform.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The VPC: CIDR, subnet tiers, NAT gateways, flow logs and the default security group. */
class NetworkTest {

    @Test
    void usesTheConfiguredCidr() {
        SynthesizedApp.platform("dev").hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.10.0.0/16"));
        SynthesizedApp.platform("prod").hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.30.0.0/16"));
    }

    @Test
    void spreadsPublicAndPrivateSubnetsOverTheConfiguredAzs() {
        // dev: 2 AZs x (public, private); prod: 3 AZs x (public, private, isolated).
        SynthesizedApp.platform("dev").resourceCountIs("AWS::EC2::Subnet", 4);
        SynthesizedApp.platform("prod").resourceCountIs("AWS::EC2::Subnet", 9);
    }

    @Test
    void subnetsAreFourBitsSmallerThanTheVpc() {
        Template dev = SynthesizedApp.platform("dev");
        dev.allResourcesProperties("AWS::EC2::Subnet", Map.of("CidrBlock", Match.stringLikeRegexp("^10\\.10\\.\\d+\\.0/20$")));
    }

    @Test
    void noSubnetHandsOutPublicIps() {
        SynthesizedApp.platform("prod").allResourcesProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false));
    }

    @Test
    void runsOneNatGatewayInDevAndOnePerAzInProd() {
        SynthesizedApp.platform("dev").resourceCountIs("AWS::EC2::NatGateway", 1);
        SynthesizedApp.platform("test").resourceCountIs("AWS::EC2::NatGateway", 2);
        SynthesizedApp.platform("prod").resourceCountIs("AWS::EC2::NatGateway", 3);
    }

    @Test
    void sendsAllFlowLogsToALogGroupWithRetention() {
        Template dev = SynthesizedApp.platform("dev");
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
        SynthesizedApp.platform("prod").hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("RetentionInDays", 365),
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void stripsTheDefaultSecurityGroupOfItsRules() {
        SynthesizedApp.platform("dev").resourceCountIs("Custom::VpcRestrictDefaultSG", 1);
    }

    @Test
    void createsNoNetworkAcls() {
        assertThat(SynthesizedApp.platform("prod").findResources("AWS::EC2::NetworkAcl")).isEmpty();
        assertThat(List.of("dev", "test", "prod")).allSatisfy(env ->
                assertThat(SynthesizedApp.platform(env).findResources("AWS::EC2::NetworkAclEntry")).isEmpty());
    }
}
