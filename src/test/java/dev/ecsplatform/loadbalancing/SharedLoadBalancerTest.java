package dev.ecsplatform.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The shared Application Load Balancer, its security group and listener. */
class SharedLoadBalancerTest {

    @Test
    void isInternetFacingInThePublicSubnets() {
        Fixtures.platform("dev").hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internet-facing",
                "Type", "application",
                "Subnets", Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("publicSubnet1"))))));
    }

    @Test
    void answersUnmatchedRequestsWithA404() {
        Fixtures.platform("dev").hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80,
                "Protocol", "HTTP",
                "DefaultActions", List.of(Match.objectLike(Map.of(
                        "Type", "fixed-response",
                        "FixedResponseConfig", Match.objectLike(Map.of("StatusCode", "404")))))));
    }

    @Test
    void admitsOnlyTheListenerPortFromTheSourcesTheEnvironmentNames() {
        // dev opens its plain-HTTP load balancer to the internet, written out as allowFrom: [0.0.0.0/0]
        Fixtures.platform("dev").hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", List.of(Map.of(
                        "CidrIp", "0.0.0.0/0", "Description", "HTTP from the internet",
                        "FromPort", 80, "ToPort", 80, "IpProtocol", "tcp"))));
        // internal narrows it to an office range and a managed prefix list, and nothing else
        Template internal = Fixtures.platform("internal");
        internal.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Load balancer public"),
                "SecurityGroupIngress", List.of(Map.of("CidrIp", "203.0.113.0/24", "Description", "HTTP from 203.0.113.0/24",
                        "FromPort", 80, "ToPort", 80, "IpProtocol", "tcp"))));
        // CDK writes a prefix-list rule as a resource of its own
        internal.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "SourcePrefixListId", "pl-0123456789abcdef0", "Description", "HTTP from pl-0123456789abcdef0",
                "FromPort", 80, "ToPort", 80, "IpProtocol", "tcp"));
    }

    @Test
    void servesHttpsWithEveryCertificateAndTheRecommendedTlsPolicyAndRedirectsHttp() {
        Template prod = Fixtures.platform("prod");
        prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443,
                "Protocol", "HTTPS",
                "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates", List.of(Map.of("CertificateArn", Fixtures.PROD_CERTIFICATES.get(0))),
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "fixed-response")))));
        // The second certificate is served by SNI, from a listener certificate of its own.
        prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerCertificate", Map.of(
                "Certificates", List.of(Map.of("CertificateArn", Fixtures.PROD_CERTIFICATES.get(1)))));
        // Plain HTTP only redirects, permanently; no listener forwards plain HTTP in prod.
        prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80,
                "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "redirect", "RedirectConfig",
                        Map.of("Port", "443", "Protocol", "HTTPS", "StatusCode", "HTTP_301")))));
        prod.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Load balancer public"),
                "SecurityGroupIngress", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 80, "ToPort", 80)),
                        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 443, "ToPort", 443))))));
    }

    @Test
    void aTestListenerServesHttpsOnItsOwnPortToTheTestersOnlyAndIsExported() {
        Template prod = Fixtures.platform("prod");
        prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 8443, "Protocol", "HTTPS", "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates", List.of(Map.of("CertificateArn", Fixtures.PROD_CERTIFICATES.get(0))),
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "fixed-response")))));
        prod.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Load balancer public"),
                "SecurityGroupIngress", Match.arrayWith(List.of(Map.of("CidrIp", "203.0.113.0/24", "Description",
                        "Test listener from 203.0.113.0/24", "FromPort", 8443, "ToPort", 8443, "IpProtocol", "tcp")))));
        prod.hasOutput("ExportLoadBalancerpublicListenerTestArn", Map.of(
                "Export", Map.of("Name", "prod-platform:LoadBalancer-public:Listener-Test:Arn")));
        assertThat(Fixtures.platform("dev").findOutputs("*").keySet()).noneMatch(output -> output.contains("ListenerTest"));
    }

    @Test
    void servicesRouteOnTheHttpsListenerWhenThereIsOne() {
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "ListenerArn", Map.of("Fn::ImportValue", "prod-platform:LoadBalancer-public:Listener-HTTPS:Arn")));
        Fixtures.service("dev", "web").hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "ListenerArn", Map.of("Fn::ImportValue", "dev-platform:LoadBalancer-public:Listener-HTTP:Arn")));
    }

    @Test
    void associatesTheConfiguredWebAcl() {
        Template prod = Fixtures.platform("prod");
        String loadBalancer = prod.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer").keySet().iterator().next();
        prod.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
                "ResourceArn", Map.of("Ref", loadBalancer),
                "WebACLArn", Fixtures.PROD_WEB_ACL));
        Fixtures.platform("dev").resourceCountIs("AWS::WAFv2::WebACLAssociation", 0);
    }

    @Test
    void reachesOnlyItsTargetsGroupWithOneRuleWhateverTheNumberOfServices() {
        // Three services share this load balancer; its group still has exactly one egress rule, to the group
        // every task behind it wears. Each task group admits it on that service's container port only.
        Template platform = Fixtures.platform("shared");
        Map<String, Map<String, Object>> groups = platform.findResources("AWS::EC2::SecurityGroup");
        String loadBalancerGroup = groups.keySet().stream().filter(id -> id.startsWith("LoadBalancerpublicSecurityGroup")).findFirst().orElseThrow();
        String targetsGroup = groups.keySet().stream().filter(id -> id.startsWith("LoadBalancerpublicTargetsSecurityGroup")).findFirst().orElseThrow();
        platform.resourceCountIs("AWS::EC2::SecurityGroupEgress", 1);
        platform.hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of(
                "GroupId", Map.of("Fn::GetAtt", List.of(loadBalancerGroup, "GroupId")),
                "DestinationSecurityGroupId", Map.of("Fn::GetAtt", List.of(targetsGroup, "GroupId")),
                "IpProtocol", "tcp", "FromPort", 0, "ToPort", 65535));
        // No rule of its own beyond that one: nothing to the VPC's CIDR, isolated subnets included.
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Load balancer public"), "SecurityGroupEgress", Match.absent()));
        // The targets group itself allows nothing in and nothing out.
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", Match.stringLikeRegexp("^Membership of tasks behind load balancer public"),
                "SecurityGroupIngress", Match.absent(),
                "SecurityGroupEgress", List.of(Match.objectLike(Map.of("CidrIp", "255.255.255.255/32")))));
        assertThat(List.of("web", "orders", "admin")).allSatisfy(service ->
                Fixtures.service("shared", service).hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                        "SourceSecurityGroupId", Map.of("Fn::ImportValue", "shared-platform:LoadBalancer-public:SecurityGroupId"))));
    }

    @Test
    void hardensHeadersAndWritesAccessLogs() {
        Map<String, Object> attributes = attributes(Fixtures.platform("dev"));
        assertThat(attributes).containsEntry("routing.http.drop_invalid_header_fields.enabled", "true")
                .containsEntry("routing.http.desync_mitigation_mode", "defensive")
                .containsEntry("access_logs.s3.enabled", "true")
                .containsEntry("deletion_protection.enabled", "false");
    }

    @Test
    void isDeletionProtectedInProd() {
        assertThat(attributes(Fixtures.platform("prod"))).containsEntry("deletion_protection.enabled", "true");
    }

    @Test
    void anInternalLoadBalancerSitsInPrivateSubnetsAndAdmitsOnlyTheVpc() {
        Template platform = Fixtures.platform("internal");
        platform.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "Scheme", "internal",
                "Subnets", Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("privateSubnet1"))))));
        // The CIDR as written in the config, not the VPC's token: cdk-nag's EC23 cannot evaluate a token peer.
        platform.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", List.of(Match.objectLike(Map.of(
                        "CidrIp", "10.50.0.0/16", "FromPort", 8080, "ToPort", 8080)))));
    }

    @Test
    void givesEveryDistinctHostOneAliasRecordInTheConfiguredZone() {
        // orders and admin share shop.example.com; admin also has admin.example.com
        Template platform = Fixtures.platform("shared");
        String loadBalancer = platform.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer").keySet().iterator().next();
        platform.resourceCountIs("AWS::Route53::RecordSet", 2);
        for (String host : List.of("shop.example.com.", "admin.example.com.")) {
            platform.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                    "Name", host,
                    "Type", "A",
                    "HostedZoneId", "Z0123456789ABCDEFGHIJ",
                    "AliasTarget", Map.of(
                            "DNSName", Map.of("Fn::Join", List.of("", List.of("dualstack.",
                                    Map.of("Fn::GetAtt", List.of(loadBalancer, "DNSName"))))),
                            "HostedZoneId", Map.of("Fn::GetAtt", List.of(loadBalancer, "CanonicalHostedZoneID")))));
        }
        // Without hostedZone, no records
        Fixtures.platform("dev").resourceCountIs("AWS::Route53::RecordSet", 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Template template) {
        Map<String, Object> loadBalancer = (Map<String, Object>) template
                .findResources("AWS::ElasticLoadBalancingV2::LoadBalancer").values().iterator().next();
        List<Map<String, String>> attributes = (List<Map<String, String>>)
                ((Map<String, Object>) loadBalancer.get("Properties")).get("LoadBalancerAttributes");
        Map<String, Object> byKey = new java.util.HashMap<>();
        attributes.forEach(a -> byKey.put(a.get("Key"), a.get("Value")));
        return byKey;
    }
}
