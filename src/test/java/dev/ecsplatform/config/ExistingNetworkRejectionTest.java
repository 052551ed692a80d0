package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader accepts and rejects about an existing VPC given by IDs (network.existing) and a service's extra
 * security groups. Each test writes the whole environment file, so line and column can be counted.
 */
class ExistingNetworkRejectionTest {

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    /** Lines 2 to 8 of every environment below: an existing VPC with private subnets in two zones. */
    private static final String NETWORK = """
            network:
              existing:
                vpcId: vpc-0a1b2c3d4e5f60718
                cidr: 172.31.0.0/16
                privateSubnets:
                  - { id: subnet-0aaaaaaaaaaaaaaa1, availabilityZone: eu-west-1a }
                  - { id: subnet-0aaaaaaaaaaaaaaa2, availabilityZone: eu-west-1b }
            """;

    @BeforeEach
    void writeBase() {
        files = new ConfigTestFiles(directory).base(ConfigTestFiles.ACCOUNT_ONLY_BASE);
    }

    @Test
    void readsAnExistingNetworkWithItsDefaults() {
        files.environment("dev", "tier: dev\n" + NETWORK);

        NetworkConfig network = files.load("dev").network();
        ExistingNetworkConfig existing = network.existing().orElseThrow();
        assertThat(existing.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60718");
        assertThat(existing.privateSubnets()).containsExactly(
                new ExistingSubnetConfig("subnet-0aaaaaaaaaaaaaaa1", "eu-west-1a", Optional.empty()),
                new ExistingSubnetConfig("subnet-0aaaaaaaaaaaaaaa2", "eu-west-1b", Optional.empty()));
        assertThat(existing.publicSubnets()).isEmpty();
        assertThat(existing.isolatedSubnets()).isEmpty();
        assertThat(existing.flowLogs()).isFalse();
        assertThat(network.endpoints()).isEmpty();
        assertThat(network.vpcCidr()).isEqualTo("172.31.0.0/16");
    }

    @Test
    void aServiceChoosesSomeOfThePrivateSubnetsOnlyOfAnExistingNetwork() {
        files.environment("dev", "tier: dev\n" + NETWORK + """
                services:
                  a: { image: a, user: "1000", subnets: [subnet-0aaaaaaaaaaaaaaa1, subnet-0bbbbbbbbbbbbbbb9, subnet-0aaaaaaaaaaaaaaa1] }
                """).environment("prod", "tier: prod\n" + NETWORK.replace("eu-west-1b }", "eu-west-1b }\n      - { id: subnet-0aaaaaaaaaaaaaaa3, availabilityZone: eu-west-1c }") + """
                services:
                  a: { image: a:1.0, user: "1000", subnets: [subnet-0aaaaaaaaaaaaaaa2] }
                """).environment("test", """
                tier: test
                services:
                  a: { image: a, user: "1000", subnets: [subnet-0aaaaaaaaaaaaaaa2] }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:41 services.a.subnets: 'subnet-0bbbbbbbbbbbbbbb9' is not one of network.existing.privateSubnets "
                        + "(subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2); tasks run in private subnets the environment "
                        + "declares, whose zones it knows",
                "dev.yaml:10:41 services.a.subnets: 'subnet-0aaaaaaaaaaaaaaa1' is listed twice",
                "prod.yaml:11:45 services.a.subnets: places every task in one availability zone; prod spreads a service over "
                        + "at least 2 (REL10-BP01), so list private subnets of two zones or more",
                "test.yaml:3:41 services.a.subnets: is only for an existing network (network.existing): in a network the "
                        + "platform creates, tasks run in every private subnet, one per availability zone");
    }

    @Test
    void printsAnExistingNetworkWithoutTheCreateOnlyKeysAndLoadsItBack() throws java.io.IOException {
        files.environment("dev", "tier: dev\n" + NETWORK + """
                services:
                  web:
                    image: public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine
                    user: "101"
                    securityGroups: [sg-0123456789abcdef0]
                """);
        EnvironmentConfig dev = files.load("dev");

        String yaml = EffectiveConfig.toYaml(dev);

        assertThat(yaml).contains("existing:", "vpcId: vpc-0a1b2c3d4e5f60718", "- sg-0123456789abcdef0")
                .doesNotContain("maxAzs", "subnetPrefix", "egress", "isolatedSubnets: false", "cidr: 10.0.0.0/16");
        assertThat(new ConfigTestFiles(java.nio.file.Files.createDirectories(directory.resolve("again"))).environment("dev", yaml).load("dev")).isEqualTo(dev);
    }

    // ---- IDs -------------------------------------------------------------------------------------

    @Test
    void rejectsIdsOfTheWrongShape() {
        files.environment("dev", """
                tier: dev
                network:
                  existing:
                    vpcId: vpc-123
                    cidr: 172.31.0.0/16
                    privateSubnets:
                      - { id: subnet-0AAAAAAAAAAAAAAA1, availabilityZone: eu-west-1a, routeTableId: rtb-1234567 }
                      - { id: sg-0aaaaaaaaaaaaaaa2, availabilityZone: eu-west-1b }
                services:
                  web:
                    image: public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine
                    user: "101"
                    securityGroups: [sg-0123456789abcdef0, sg-default]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:12 network.existing.vpcId: 'vpc-123' is not a VPC ID; use vpc- followed by 8 or 17 lower-case "
                        + "hex digits, e.g. vpc-0123456789abcdef0",
                "dev.yaml:7:15 network.existing.privateSubnets[0].id: 'subnet-0AAAAAAAAAAAAAAA1' is not a subnet ID; use "
                        + "subnet- followed by 8 or 17 lower-case hex digits, e.g. subnet-0123456789abcdef0",
                "dev.yaml:7:85 network.existing.privateSubnets[0].routeTableId: 'rtb-1234567' is not a route table ID; use "
                        + "rtb- followed by 8 or 17 lower-case hex digits, e.g. rtb-0123456789abcdef0",
                "dev.yaml:8:15 network.existing.privateSubnets[1].id: 'sg-0aaaaaaaaaaaaaaa2' is not a subnet ID; use "
                        + "subnet- followed by 8 or 17 lower-case hex digits, e.g. subnet-0123456789abcdef0",
                "dev.yaml:13:21 services.web.securityGroups: 'sg-default' is not a security group ID; use sg- followed by 8 "
                        + "or 17 lower-case hex digits, e.g. sg-0123456789abcdef0");
    }

    @Test
    void rejectsAMissingVpcIdCidrAndPrivateSubnets() {
        files.environment("dev", """
                tier: dev
                network:
                  existing:
                    publicSubnets: []
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:3 network.existing.cidr: is required; set it to the VPC's primary IPv4 CIDR block, e.g. 10.20.0.0/16",
                "dev.yaml:3:3 network.existing.privateSubnets: is required; set it to the subnets the tasks run in: a list of "
                        + "{ id, availabilityZone }",
                "dev.yaml:3:3 network.existing.vpcId: is required; set it to the VPC's ID, e.g. vpc-0123456789abcdef0");
    }

    @Test
    void rejectsEmptyPrivateSubnets() {
        files.environment("dev", """
                tier: dev
                network:
                  existing:
                    vpcId: vpc-0a1b2c3d
                    cidr: 172.31.0.0/16
                    privateSubnets: []
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:6:21 network.existing.privateSubnets: must not be empty; the tasks run in private subnets; give at "
                        + "least one, e.g. [{ id: subnet-0123456789abcdef0, availabilityZone: eu-west-1a }]");
    }

    @Test
    void rejectsAnExistingCidrThatIsNoVpcBlock() {
        files.environment("dev", NETWORK.replace("172.31.0.0/16", "172.31.0.1/16") + "tier: dev\n")
                .environment("test", NETWORK.replace("172.31.0.0/16", "10.0.0.0/8") + "tier: test\n");

        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:11 network.existing.cidr: '172.31.0.1/16' has host bits set; the network address of this block "
                        + "is 172.31.0.0/16",
                "test.yaml:4:11 network.existing.cidr: a VPC's CIDR block is /16 to /28, not /8; write the VPC's primary "
                        + "CIDR block as the VPC console shows it");
    }

    // ---- availability zones ----------------------------------------------------------------------

    @Test
    void rejectsASubnetWithoutItsZoneOrWithAZoneOfAnotherRegionOrAZoneId() {
        files.environment("dev", """
                tier: dev
                network:
                  existing:
                    vpcId: vpc-0a1b2c3d
                    cidr: 172.31.0.0/16
                    privateSubnets:
                      - { id: subnet-0aaaaaaaaaaaaaaa1 }
                      - { id: subnet-0aaaaaaaaaaaaaaa2, availabilityZone: us-east-1a }
                      - { id: subnet-0aaaaaaaaaaaaaaa3, availabilityZone: euw1-az1 }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:7:9 network.existing.privateSubnets[0].availabilityZone: is required; set it to the subnet's "
                        + "availability zone name, e.g. eu-west-1a (aws ec2 describe-subnets shows it)",
                "dev.yaml:8:59 network.existing.privateSubnets[1].availabilityZone: 'us-east-1a' is not a zone of the "
                        + "environment's region eu-west-1; use the subnet's zone name, e.g. eu-west-1a",
                "dev.yaml:9:59 network.existing.privateSubnets[2].availabilityZone: 'euw1-az1' is not an availability zone "
                        + "name; use the region followed by a letter, e.g. eu-west-1a (a zone name, not a zone ID such as euw1-az1)");
    }

    @Test
    void rejectsTwoSubnetsOfATierInOneZoneAndASubnetListedTwice() {
        files.environment("dev", NETWORK.replace("eu-west-1b", "eu-west-1a") + """
                    isolatedSubnets:
                      - { id: subnet-0aaaaaaaaaaaaaaa1, availabilityZone: eu-west-1c }
                tier: dev
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:7:59 network.existing.privateSubnets[1].availabilityZone: eu-west-1a already has a subnet in "
                        + "network.existing.privateSubnets (network.existing.privateSubnets[0], dev.yaml:6:59); give one "
                        + "subnet per zone in each tier: load balancers and interface endpoints take one subnet per zone",
                "dev.yaml:9:15 network.existing.isolatedSubnets[0].id: 'subnet-0aaaaaaaaaaaaaaa1' is already listed as "
                        + "network.existing.privateSubnets[0] (dev.yaml:6:15); list each subnet once, in one tier");
    }

    @Test
    void prodNeedsPrivateSubnetsInThreeZones() {
        files.environment("prod", "tier: prod\nloadBalancers: {}\n" + NETWORK);

        assertThat(files.problems()).containsExactly(
                "prod.yaml:8:7 network.existing.privateSubnets: has subnets in 2 availability zones (eu-west-1a, eu-west-1b); "
                        + "prod runs its tasks in at least 3, so losing one zone leaves two thirds of capacity (REL10-BP01)");
    }

    // ---- what a created VPC takes ----------------------------------------------------------------

    @Test
    void rejectsTheKeysOfACreatedVpcNextToAnExistingOne() {
        files.environment("dev", NETWORK + """
                  cidr: 10.0.0.0/16
                  maxAzs: 2
                  subnetPrefix: 24
                  egress: { publicIps: {} }
                  isolatedSubnets: true
                tier: dev
                """);

        String existing = "network.existing (dev.yaml:3:5) uses one that exists";
        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:9 network.cidr: shapes a VPC the product creates, but " + existing + "; write the existing VPC's "
                        + "CIDR as network.existing.cidr instead",
                "dev.yaml:9:11 network.maxAzs: shapes a VPC the product creates, but " + existing + "; remove maxAzs",
                "dev.yaml:10:17 network.subnetPrefix: shapes a VPC the product creates, but " + existing + "; remove subnetPrefix",
                "dev.yaml:11:11 network.egress: shapes a VPC the product creates, but " + existing + "; remove egress",
                "dev.yaml:12:20 network.isolatedSubnets: shapes a VPC the product creates, but " + existing
                        + "; remove isolatedSubnets");
    }

    // ---- load balancers --------------------------------------------------------------------------

    @Test
    void anInternetFacingLoadBalancerNeedsPublicSubnets() {
        files.environment("dev", "tier: dev\n" + NETWORK + """
                loadBalancers:
                  public:
                    allowFrom: [0.0.0.0/0]
                  edge:
                    type: network
                    scheme: internet-facing
                    allowFrom: [0.0.0.0/0]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:3 loadBalancers.public: internet-facing needs public subnets (with a route to an internet "
                        + "gateway), and network.existing (dev.yaml:4:5) lists no publicSubnets; add the VPC's public subnets, "
                        + "or make the load balancer internal",
                "dev.yaml:14:13 loadBalancers.edge.scheme: internet-facing needs public subnets (with a route to an internet "
                        + "gateway), and network.existing (dev.yaml:4:5) lists no publicSubnets; add the VPC's public subnets, "
                        + "or make the load balancer internal");
    }

    @Test
    void anApplicationLoadBalancerNeedsTwoZones() {
        files.environment("dev", "tier: dev\n" + NETWORK + """
                    publicSubnets:
                      - { id: subnet-0bbbbbbbbbbbbbbb1, availabilityZone: eu-west-1a }
                loadBalancers:
                  public:
                    allowFrom: [0.0.0.0/0]
                  nlb:
                    type: network
                    allowFrom: [0.0.0.0/0]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:12:3 loadBalancers.public: an application load balancer needs subnets in at least 2 availability "
                        + "zones, and network.existing.publicSubnets, where an internet-facing one goes, has 1 (eu-west-1a); "
                        + "add a subnet in another zone");
    }

    // ---- endpoints -------------------------------------------------------------------------------

    @Test
    void theS3EndpointNeedsTheTaskSubnetsRouteTables() {
        files.environment("dev", "tier: dev\n" + NETWORK.replace("availabilityZone: eu-west-1a }",
                "availabilityZone: eu-west-1a, routeTableId: rtb-0aaaaaaaaaaaaaaa1 }") + """
                  endpoints: [s3, logs]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:9 network.existing.privateSubnets[1].routeTableId: is required with the s3 endpoint "
                        + "(network.endpoints, dev.yaml:9:14): its gateway adds a route to the route table of each subnet the "
                        + "tasks run in; give the subnet's route table ID, e.g. rtb-0123456789abcdef0");
    }

    // ---- a service's extra security groups --------------------------------------------------------

    @Test
    void rejectsASecurityGroupListedTwiceOrMoreGroupsThanATaskCanWear() {
        files.environment("dev", """
                tier: dev
                cluster: { serviceConnect: true }
                loadBalancers:
                  public: { allowFrom: [0.0.0.0/0] }
                services:
                  web:
                    image: public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine
                    user: "101"
                    port: 8080
                    traffic: { alb: { loadBalancer: public, priority: 1 } }
                    securityGroups: [sg-11111111, sg-22222222, sg-33333333]
                  worker:
                    image: public.ecr.aws/docker/library/busybox:1.37.0
                    user: "1000"
                    securityGroups: [sg-11111111, sg-11111111]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:11:21 services.web.securityGroups: 3 groups are too many: the tasks also wear its own, load "
                        + "balancer public's targets group, the Service Connect group, 6 in all, and ECS allows 5 per task "
                        + "network interface by default; use at most 2",
                "dev.yaml:15:21 services.worker.securityGroups: 'sg-11111111' is listed twice; list each security group once");
    }

    @Test
    void acceptsExtraSecurityGroupsWithACreatedVpcToo() {
        files.environment("dev", """
                tier: dev
                services:
                  worker:
                    image: public.ecr.aws/docker/library/busybox:1.37.0
                    user: "1000"
                    securityGroups: [sg-11111111, sg-0123456789abcdef0]
                """);

        assertThat(files.load("dev").services().get("worker").securityGroups())
                .isEqualTo(List.of("sg-11111111", "sg-0123456789abcdef0"));
    }
}
