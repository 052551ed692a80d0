package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader accepts and rejects about the network: how tasks reach the internet (network.egress), VPC
 * endpoints and subnet sizes. Each test writes the whole environment file, so line and column can be counted.
 */
class NetworkRejectionTest {

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    @BeforeEach
    void writeBase() {
        files = new ConfigTestFiles(directory).base(ConfigTestFiles.ACCOUNT_ONLY_BASE);
    }

    // ---- egress --------------------------------------------------------------------------------

    @Test
    void keepsOneNatGatewayOutsideProdAndOnePerAzInProdByDefault() {
        files.environment("dev", "tier: dev\n").environment("prod", """
                tier: prod
                loadBalancers: {}
                """);

        assertThat(files.load("dev").network().egress()).isEqualTo(new NatGatewaysConfig(1));
        assertThat(files.load("prod").network().egress()).isEqualTo(new NatGatewaysConfig(3));
    }

    @Test
    void readsANatInstanceAndPublicIpsWithTheirDefaults() {
        files.environment("dev", """
                tier: test
                network:
                  egress: { natInstance: {} }
                  endpoints: [s3, ecr, logs, secretsmanager, ssm]
                """).environment("test", """
                tier: dev
                network:
                  egress: { publicIps: {} }
                """);

        NetworkConfig natInstance = files.load("dev").network();
        assertThat(natInstance.egress()).isEqualTo(new NatInstanceConfig("t4g.nano"));
        assertThat(natInstance.endpoints()).containsExactly(VpcEndpoint.S3, VpcEndpoint.ECR, VpcEndpoint.LOGS,
                VpcEndpoint.SECRETSMANAGER, VpcEndpoint.SSM);
        assertThat(files.load("test").network().egress()).isEqualTo(new PublicIpsConfig());
    }

    @Test
    void rejectsMoreNatGatewaysThanAvailabilityZones() {
        files.environment("dev", """
                tier: dev
                network:
                  maxAzs: 2
                  egress:
                    natGateways:
                      count: 3
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:6:14 network.egress.natGateways.count: 3 is more than maxAzs (2); use 1 to 2");
    }

    @Test
    void prodKeepsANatGatewayInEveryAz() {
        files.environment("prod", """
                tier: prod
                loadBalancers: {}
                network:
                  egress: { natGateways: { count: 1 } }
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:4:35 network.egress.natGateways.count: 1 is too few for "
                + "prod; prod keeps a NAT gateway in each of its 3 AZs, so an AZ outage does not cut the other AZs' tasks "
                + "off the internet (REL10-BP01). Remove the key");
    }

    @Test
    void rejectsANatInstanceInProd() {
        files.environment("prod", """
                tier: prod
                loadBalancers: {}
                network:
                  egress:
                    natInstance: { instanceType: t4g.nano }
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:5:5 network.egress.natInstance: is not allowed in prod; "
                + "a NAT instance is a single EC2 instance in one AZ, patched only by redeploying, and when it fails every "
                + "task loses the internet. Prod keeps a NAT gateway per AZ: remove network.egress");
    }

    @Test
    void allowsPublicIpsInDevOnly() {
        files.environment("prod", """
                tier: prod
                loadBalancers: {}
                network:
                  egress:
                    publicIps: {}
                """).environment("test", """
                tier: test
                network:
                  egress:
                    publicIps: {}
                """);

        assertThat(files.problems()).containsExactly(
                "prod.yaml:5:5 network.egress.publicIps: is for dev only; prod tasks run in private subnets without public "
                        + "IPs (Security Hub ECS.2, Control Tower CT.ECS.PR.9, which dev alone excepts), behind NAT: remove "
                        + "network.egress",
                "test.yaml:4:5 network.egress.publicIps: is for dev only; test tasks run in private subnets without public "
                        + "IPs (Security Hub ECS.2, Control Tower CT.ECS.PR.9, which dev alone excepts), behind NAT: use "
                        + "natGateways or natInstance");
    }

    @Test
    void rejectsAnUnknownKindOfEgressWithTheClosestKind() {
        files.environment("dev", """
                tier: dev
                network:
                  egress:
                    natGateway: { count: 1 }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:4:5 network.egress.natGateway: 'natGateway' is not a kind "
                + "of egress; did you mean 'natGateways'? write one of natGateways, natInstance, publicIps, as a map of its "
                + "settings, e.g. egress: { natGateways: {} }");
    }

    @Test
    void rejectsAnInstanceTypeOfTheWrongShape() {
        files.environment("dev", """
                tier: dev
                network:
                  egress:
                    natInstance: { instanceType: t4g-nano }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:4:34 network.egress.natInstance.instanceType: 't4g-nano' is "
                + "not an EC2 instance type; use a type such as t4g.nano, t4g.micro or t3.nano (family, a dot, a size; no metal)");
    }

    @Test
    void rejectsAnInternalLoadBalancerWithoutPrivateSubnets() {
        files.environment("dev", """
                tier: dev
                network:
                  egress: { publicIps: {} }
                loadBalancers:
                  private: { scheme: internal }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:5:22 loadBalancers.private.scheme: internal needs private "
                + "subnets, and network.egress publicIps (dev.yaml:3:11) creates none; use natGateways or natInstance egress, "
                + "or an internet-facing load balancer narrowed with allowFrom");
    }

    // ---- endpoints -----------------------------------------------------------------------------

    @Test
    void rejectsAnUnknownEndpointWithTheClosestNameAndOneListedTwice() {
        files.environment("dev", """
                tier: dev
                network:
                  endpoints: [s3, secretmanager]
                """).environment("test", """
                tier: test
                network:
                  endpoints: [logs, ecr, logs]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:19 network.endpoints[1]: 'secretmanager' is not allowed; did you mean 'secretsmanager'? use one "
                        + "of s3, ecr, logs, secretsmanager, ssm",
                "test.yaml:3:14 network.endpoints: 'logs' is listed twice; list each endpoint once");
    }

    // ---- subnet sizes --------------------------------------------------------------------------

    @Test
    void sizesSubnetsFourBitsSmallerThanTheVpcUnlessTold() {
        files.environment("dev", """
                tier: dev
                network: { cidr: 10.1.0.0/22 }
                """).environment("test", """
                tier: test
                network: { cidr: 10.2.0.0/16, subnetPrefix: 24 }
                """);

        assertThat(files.load("dev").network().subnetPrefix()).isEqualTo(26);
        assertThat(files.load("test").network().subnetPrefix()).isEqualTo(24);
    }

    @Test
    void rejectsSubnetsSmallerThanAnAlbAcceptsOrLargerThanTheVpc() {
        files.environment("dev", """
                tier: dev
                network: { cidr: 10.1.0.0/20, subnetPrefix: 28 }
                """).environment("test", """
                tier: test
                network: { cidr: 10.2.0.0/20, subnetPrefix: 20 }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:2:45 network.subnetPrefix: 28 is out of range; use an integer from 17 to 27",
                "test.yaml:2:45 network.subnetPrefix: /20 subnets do not fit in a /20 VPC; use a prefix from /21 to /27 "
                        + "(longer is smaller)");
    }

    @Test
    void rejectsSubnetsThatDoNotAllFitInTheVpc() {
        files.environment("prod", """
                tier: prod
                loadBalancers: {}
                network:
                  cidr: 10.3.0.0/22
                  subnetPrefix: 24
                  isolatedSubnets: true
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:5:17 network.subnetPrefix: 3 tiers x 3 AZs = 9 subnets of "
                + "/24 need 2304 addresses, but the /22 VPC has 1024; use /26 or longer, or a larger VPC");
    }

    @Test
    void publicIpsStillReserveThePrivateTier() {
        // 2 tiers x 2 AZs of /24 = 4 x 256 = the whole /22: fits with the private tier reserved, one more tier would not.
        files.environment("dev", """
                tier: dev
                network: { cidr: 10.4.0.0/22, subnetPrefix: 24, egress: { publicIps: {} } }
                """);

        assertThat(files.load("dev").network().subnetPrefix()).isEqualTo(24);
    }
}
