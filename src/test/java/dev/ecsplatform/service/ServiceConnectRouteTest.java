package dev.ecsplatform.service;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Service Connect: the namespace in the platform, members in every service, published services by name. */
class ServiceConnectRouteTest {

    private final Template orders = Fixtures.service("shared", "orders");
    private final Template web = Fixtures.service("shared", "web");

    @Test
    void thePlatformHasAnHttpNamespaceNamedAfterTheEnvironmentAndAMembershipGroup() {
        Template platform = Fixtures.platform("shared");
        platform.hasResourceProperties("AWS::ServiceDiscovery::HttpNamespace", Map.of("Name", "shared"));
        platform.hasResourceProperties("AWS::ECS::Cluster", Map.of("ServiceConnectDefaults", Map.of(
                "Namespace", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^ClusterDefaultServiceDiscoveryNamespace"), "Arn")))));
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Membership of tasks in the Service Connect namespace shared"),
                "SecurityGroupIngress", Match.absent()));
        platform.hasOutput("ExportServiceConnectNamespaceArn", Map.of("Export", Map.of("Name", "shared-platform:ServiceConnect:NamespaceArn")));
        Fixtures.platform("dev").resourceCountIs("AWS::ServiceDiscovery::HttpNamespace", 0);
    }

    @Test
    void aPublishedServiceServesItsNamedPortAndAdmitsTheMembers() {
        orders.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceConnectConfiguration", Match.objectLike(Map.of(
                "Enabled", true,
                "Namespace", Map.of("Fn::ImportValue", "shared-platform:ServiceConnect:NamespaceArn"),
                "Services", List.of(Map.of("PortName", "connect", "DiscoveryName", "orders",
                        "ClientAliases", List.of(Map.of("DnsName", "orders", "Port", 9000)))),
                "LogConfiguration", Match.objectLike(Map.of("LogDriver", "awslogs"))))));
        orders.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "orders", "PortMappings", List.of(
                        Map.of("ContainerPort", 9000, "Protocol", "tcp", "Name", "connect"))))))));
        orders.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("IpProtocol", "tcp", "FromPort", 9000, "ToPort", 9000,
                "SourceSecurityGroupId", Map.of("Fn::ImportValue", "shared-platform:ServiceConnect:SecurityGroupId")));
    }

    @Test
    void everyOtherServiceIsAMemberThatCallsButPublishesNothing() {
        web.hasResourceProperties("AWS::ECS::Service", Map.of(
                "ServiceConnectConfiguration", Match.objectLike(Map.of("Enabled", true, "Services", Match.absent())),
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("SecurityGroups", Match.arrayWith(List.of(
                        Map.of("Fn::ImportValue", "shared-platform:ServiceConnect:SecurityGroupId"))))))));
        // The app's hard limit leaves the proxy its share: 512 less the init container's 32 and the proxy's 64
        web.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "web", "Memory", 512 - 32 - ServiceTaskDefinition.SERVICE_CONNECT_PROXY_MEMORY_MIB))))));
        Fixtures.service("dev", "web").hasResourceProperties("AWS::ECS::Service", Map.of("ServiceConnectConfiguration", Match.absent()));
    }
}
