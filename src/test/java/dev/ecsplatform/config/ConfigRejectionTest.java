package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input the loader rejects, with the line the user sees: {@code file:line:column dotted.path: message}.
 *
 * <p>Unless a test says otherwise, {@code base.yaml} is {@link #VALID_BASE} (account, region, owner and a
 * load balancer named {@code public}) and each test writes the environment file under test as a text
 * block, so the line and column in the expected problem can be counted in the test itself.
 */
class ConfigRejectionTest {

    private static final String VALID_BASE = """
            account: "123456789012"
            region: eu-west-1
            owner: platform-team
            loadBalancers:
              public: { allowFrom: [0.0.0.0/0], certificates: ["%s"] }
            """.formatted(ConfigTestFiles.CERTIFICATE);

    /** {@link #VALID_BASE} without a certificate, for environments in another account or region than it names. */
    private static final String HTTP_ONLY_BASE = VALID_BASE.replace(", certificates: [\"" + ConfigTestFiles.CERTIFICATE + "\"]", "");

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    @BeforeEach
    void writeValidBase() {
        files = new ConfigTestFiles(directory).base(VALID_BASE);
    }

    // ---- the file as a whole -------------------------------------------------------------------

    @Test
    void rejectsYamlThatDoesNotParse() {
        // GIVEN a value that has a colon and a space in it, unquoted
        files.environment("dev", """
                tier: dev
                owner: team: platform
                """);

        // WHEN / THEN SnakeYAML's own message, at its line and column
        assertThat(files.problems()).singleElement().asString()
                .startsWith("dev.yaml:2:12 not valid YAML: mapping values are not allowed here");
    }

    // ---- characters YAML cannot read -------------------------------------------------------------

    @Test
    void rejectsATabUsedForIndentationInPlainWords() {
        files.environment("dev", "tier: dev\nnetwork:\n\tmaxAzs: 2\n");

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:1 a tab is used for indentation; YAML allows only spaces there, so replace it with spaces");
    }

    @Test
    void rejectsANonBreakingSpaceUsedForIndentation() {
        // GIVEN indentation pasted from a web page: two spaces, then a non-breaking space
        files.environment("dev", "tier: dev\nnetwork:\n  \u00A0maxAzs: 2\n");

        // THEN it is reported where it is, not later as an unknown key named "\u00A0maxAzs"
        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:3 a non-breaking space (U+00A0) is used for indentation; replace it with ordinary spaces");
    }

    @Test
    void rejectsOtherNonAsciiSpacesUsedForIndentation() {
        files.environment("dev", "tier: dev\nnetwork:\n\u2003maxAzs: 2\n");

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:1 a non-ASCII space (U+2003) is used for indentation; replace it with ordinary spaces");
    }

    @Test
    void acceptsANonBreakingSpaceInsideAValue() {
        files.environment("dev", "tier: dev\nowner: \"platform\u00A0team\"\n");

        assertThat(files.load("dev").owner()).isEqualTo("platform\u00A0team");
    }

    @Test
    void rejectsAControlCharacterAtItsLineAndColumn() {
        files.environment("dev", "tier: dev\nowner: plat\u0007form\n");

        assertThat(files.problems()).containsExactly("dev.yaml:2:12 control character U+0007 is not allowed in YAML; delete it");
    }

    @Test
    void rejectsBytesThatAreNotUtf8AtTheirLineAndColumn() {
        // GIVEN "Équipe" saved as Latin-1: 0xC9 is not followed by a continuation byte
        files.bytes("dev.yaml", bytes("tier: dev\nowner: ", 0xC9, "quipe\n"));

        assertThat(files.problems()).containsExactly("dev.yaml:2:8 byte 0xC9 is not UTF-8; save the file as UTF-8");
    }

    @Test
    void reportsEveryUnreadableCharacterOfAFileAtOnceAndNoYamlJargon() {
        // GIVEN Windows line ends, a tab (line 2), a non-breaking space (line 4), a Latin-1 byte after an
        // emoji, which counts as one column (line 5), and a bell and an escape character (line 6)
        files.bytes("dev.yaml", bytes("tier: dev\r\n\tnetwork: {}\r\nservices:\r\n\u00A0 web: {}\r\n"
                + "owner: \"\uD83D\uDE00 ", 0xE9, "\"\r\nregion: \u0007\u001B\r\n"));

        assertThat(files.problems()).containsExactly(
                "dev.yaml:2:1 a tab is used for indentation; YAML allows only spaces there, so replace it with spaces",
                "dev.yaml:4:1 a non-breaking space (U+00A0) is used for indentation; replace it with ordinary spaces",
                "dev.yaml:5:11 byte 0xE9 is not UTF-8; save the file as UTF-8",
                "dev.yaml:6:9 control character U+0007 is not allowed in YAML; delete it",
                "dev.yaml:6:10 control character U+001B is not allowed in YAML; delete it");
    }

    @Test
    void listsTheFirstUnreadableCharactersOfAFileThatIsNotTextAndCountsTheRest() {
        byte[] binary = new byte[30];
        java.util.Arrays.fill(binary, (byte) 0xFF);
        files.bytes("dev.yaml", binary);

        List<String> problems = files.problems();

        assertThat(problems).hasSize(YamlText.MAX_PROBLEMS_PER_FILE + 1);
        assertThat(problems.get(0)).isEqualTo("dev.yaml:1:1 byte 0xFF is not UTF-8; save the file as UTF-8");
        assertThat(problems.get(YamlText.MAX_PROBLEMS_PER_FILE)).isEqualTo("dev.yaml:1:21 10 more characters from here "
                + "on cannot be read as YAML; is this a text file saved as UTF-8?");
    }

    // ---- anchors and aliases -------------------------------------------------------------------

    @Test
    void rejectsAnAliasBombQuicklyWithOneProblem() {
        // GIVEN 16 levels of three aliases each: 48 aliases, under SnakeYAML's limit of 50, that expand to ~10^8 values
        StringBuilder bomb = new StringBuilder("tier: dev\nl0: &l0 [x, x, x]\n");
        for (int level = 1; level <= 16; level++) {
            bomb.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(3, "*l" + (level - 1)))).append("]\n");
        }
        files.environment("dev", bomb.toString());

        // WHEN / THEN it fails in well under a second, at the anchor of the first level whose aliases pass the cap
        // (l9, about 3^10 values on top of the levels before it)
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> files.problems());
        assertThat(problems).containsExactly("dev.yaml:11:5 the file expands to more than 100,000 values (YAML anchors and "
                + "aliases multiply what is written); an environment file needs a few hundred at most, so write the values "
                + "out or use fewer aliases");
    }

    @Test
    void rejectsAnAliasInsideItsOwnAnchor() {
        files.environment("dev", """
                tier: dev
                network: &loop
                  cidr: *loop
                """);

        // THEN at the anchor: an alias carries the position of the value it refers to
        assertThat(files.problems()).containsExactly("dev.yaml:2:10 values are nested more than 64 levels deep (an alias "
                + "inside the value it refers to nests without end); an environment file nests a few levels, so write the "
                + "values out");
    }

    @Test
    void acceptsAFewAliases() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public: &listener { httpPort: 8080, allowFrom: [0.0.0.0/0] }
                  internal: *listener
                """);

        assertThat(files.load("dev").loadBalancers().get("internal").httpPort()).isEqualTo(8080);
    }

    @Test
    void rejectsAnEmptyFile() {
        files.environment("dev", """
                # nothing but a comment
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:1:1 the file is empty; it must be a map of settings");
    }

    @Test
    void rejectsAFileThatIsNotAMap() {
        files.environment("dev", """
                - tier: dev
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:1:1 the file must be a map of settings, not a list");
    }

    @Test
    void rejectsADuplicateKeyWithItsPathAndTheFirstOccurrence() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    port: 8081
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:7:5 services.web.port: duplicate key; it is already set at dev.yaml:5:5");
    }

    @Test
    void rejectsAnInvalidEnvironmentFileName() {
        files.environment("Prod_1", """
                tier: prod
                """);

        assertThat(files.problems()).containsExactly("Prod_1.yaml:1:1 the file name 'Prod_1' is not a valid environment "
                + "name; use 1 to 20 lower-case letters, digits and hyphens, starting with a letter");
    }

    // ---- unknown keys --------------------------------------------------------------------------

    @Test
    void rejectsAnUnknownKeyAndSuggestsTheClosestKnownOne() {
        files.environment("dev", """
                tier: dev
                sevices: {}
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:2:1 sevices: unknown key; did you mean 'services'? "
                + "allowed keys here: tier, account, region, owner, logs, network, cluster, loadBalancers, alarms, services");
    }

    @Test
    void rejectsAnUnknownNestedKeyWithItsDottedPath() {
        files.environment("dev", """
                tier: dev
                network:
                  isolatedSubnet: true
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:3:3 network.isolatedSubnet: unknown key; did you mean "
                + "'isolatedSubnets'? allowed keys here: cidr, maxAzs, subnetPrefix, egress, endpoints, isolatedSubnets, "
                + "flowLogRetentionDays, existing");
    }

    @Test
    void rejectsAnUnknownKeyWithoutSuggestionWhenNoKnownKeyIsClose() {
        files.environment("dev", """
                tier: dev
                cluster:
                  colour: blue
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:3 cluster.colour: unknown key; allowed keys here: containerInsights, serviceConnect");
    }

    // ---- required top-level keys ---------------------------------------------------------------

    @Test
    void rejectsAnEnvironmentWithoutTierAccountRegionAndOwner() {
        // GIVEN no base file, and an environment file with none of the required keys
        files.withoutBase().environment("dev", """
                network:
                  maxAzs: 2
                """);

        // THEN each missing key is reported at the start of the file, where it must be added
        assertThat(files.problems()).containsExactly(
                "dev.yaml:1:1 account: is required; set it to the 12-digit AWS account ID, in quotes",
                "dev.yaml:1:1 owner: is required; set it to the owning team, e.g. platform-team (written to the owner tag)",
                "dev.yaml:1:1 region: is required; set it to an AWS region such as eu-west-1",
                "dev.yaml:1:1 tier: is required; use one of dev, test, prod");
    }

    @Test
    void rejectsAnUnknownTierAndListsTheTiers() {
        files.environment("dev", """
                tier: production
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:1:7 tier: 'production' is not allowed; use one of dev, test, prod");
    }

    @Test
    void rejectsAnAccountThatIsNotTwelveDigits() {
        files.environment("dev", """
                tier: dev
                account: "12345678901"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:2:10 account: '12345678901' is not an AWS account ID; use exactly 12 digits, in quotes");
    }

    @Test
    void acceptsAnUnquotedTwelveDigitAccountEvenWithALeadingZero() {
        // GIVEN an account YAML reads as a number (a float, even, because of the leading zero)
        files.base(HTTP_ONLY_BASE).environment("dev", """
                tier: dev
                account: 012345678901
                """);

        // THEN the digits are kept as written
        assertThat(files.load("dev").account()).isEqualTo("012345678901");
    }

    @Test
    void rejectsARegionThatIsNotARegionCode() {
        files.environment("dev", """
                tier: dev
                region: Ireland
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:2:9 region: 'Ireland' is not an AWS region; use a region code such as eu-west-1 or us-east-2");
    }

    @Test
    void rejectsARegionThatDoesNotExistAndSuggestsTheClosest() {
        files.environment("dev", """
                tier: dev
                region: eu-west-9
                """);

        // THEN the suggestion comes with the regions that start the same way, from aws-cdk-lib's fact table
        assertThat(files.problems()).containsExactly("dev.yaml:2:9 region: 'eu-west-9' is not an AWS region; did you mean "
                + "eu-west-1? Regions: eu-central-1, eu-central-2, eu-isoe-west-1, eu-north-1, eu-south-1, eu-south-2, "
                + "eu-west-1, eu-west-2, eu-west-3");
    }

    @Test
    void rejectsARegionOfAnUnknownGeographyAndListsEveryRegion() {
        files.environment("dev", """
                tier: dev
                region: xy-north-1
                """);

        assertThat(files.problems()).singleElement().asString()
                .startsWith("dev.yaml:2:9 region: 'xy-north-1' is not an AWS region; regions: af-south-1, ap-east-1, ")
                .contains(", eu-west-1, ", ", us-gov-west-1, ")
                .endsWith(", us-west-2");
    }

    @Test
    void acceptsEveryRegionOfTheFactTable() {
        // GIVEN a region whose code has a four-letter geography and one in an isolated partition
        files.base(HTTP_ONLY_BASE).environment("dev", """
                tier: dev
                region: eusc-de-east-1
                """).environment("test", """
                tier: test
                region: us-isob-east-1
                """);

        assertThat(files.loadAll()).extracting(EnvironmentConfig::region).containsExactly("eusc-de-east-1", "us-isob-east-1");
        assertThat(AwsRegions.names()).hasSizeGreaterThan(30).contains("eu-west-1", "us-gov-west-1", "cn-north-1");
    }

    @Test
    void rejectsAnOwnerThatCannotBeATagValue() {
        files.environment("dev", """
                tier: dev
                owner: "platform team #1"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:2:8 owner: 'platform team #1' cannot be a tag value; use "
                + "letters, digits, spaces and + - = . _ : / @ (owner is written as a tag on every resource)");
    }

    @Test
    void rejectsAnOwnerLongerThanATagValue() {
        files.environment("dev", "tier: dev\nowner: " + "a".repeat(257) + "\n");

        assertThat(files.problems()).containsExactly("dev.yaml:2:8 owner: is 257 characters long; use at most 256, the "
                + "longest tag value AWS accepts (owner is written as a tag on every resource)");
    }

    @Test
    void acceptsAnOwnerWithEveryCharacterATagValueAllows() {
        files.environment("dev", """
                tier: dev
                owner: "Équipe Plateforme +-=._:/@ 42"
                """);

        assertThat(files.load("dev").owner()).isEqualTo("Équipe Plateforme +-=._:/@ 42");
    }

    // ---- network and logs ----------------------------------------------------------------------

    @Test
    void rejectsACidrThatIsNotAnIpv4Block() {
        files.environment("dev", """
                tier: dev
                network:
                  cidr: 10.0.0/16
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:9 network.cidr: '10.0.0/16' is not an IPv4 CIDR block; write it like 10.0.0.0/16");
    }

    @Test
    void rejectsAVpcTooSmallForLoadBalancerSubnets() {
        // GIVEN a /24, whose subnets (4 bits smaller) would be /28s, too small for an ALB
        files.environment("dev", """
                tier: dev
                network:
                  cidr: 10.0.0.0/24
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:3:9 network.cidr: a /24 VPC is not supported; use a prefix "
                + "from /16 (65,536 addresses) to /23: subnets are 4 bits smaller than the VPC and an ALB needs subnets of /27 or larger");
    }

    @Test
    void rejectsAVpcLargerThanSlashSixteen() {
        files.environment("dev", """
                tier: dev
                network:
                  cidr: 10.0.0.0/15
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:3:9 network.cidr: a /15 VPC is not supported; use a prefix "
                + "from /16 (65,536 addresses) to /23: subnets are 4 bits smaller than the VPC and an ALB needs subnets of /27 or larger");
    }

    @Test
    void acceptsASlashTwentyThreeVpc() {
        files.environment("dev", """
                tier: dev
                network:
                  cidr: 10.0.2.0/23
                """);

        assertThat(files.load("dev").network().cidr()).isEqualTo("10.0.2.0/23");
    }

    @Test
    void rejectsACidrWithHostBitsAndNamesTheNetworkAddress() {
        files.environment("dev", """
                tier: dev
                network:
                  cidr: 10.0.12.0/16
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:9 network.cidr: '10.0.12.0/16' has host bits set; the network address of this block is 10.0.0.0/16");
    }

    @Test
    void rejectsAnEnvironmentFileWithTheYmlExtensionInsteadOfIgnoringIt() {
        files.environment("dev", "tier: dev\n").file("prod.yml", "tier: prod\n");

        assertThat(files.problems()).containsExactly(
                "prod.yml:1:1 environment files end in .yaml; this file is ignored until it is renamed to prod.yaml");
    }

    @Test
    void rejectsMaxAzsOutOfRange() {
        files.environment("dev", """
                tier: dev
                network:
                  maxAzs: 4
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:11 network.maxAzs: 4 is out of range; use an integer from 2 to 3");
    }

    @Test
    void rejectsProdWithTwoAvailabilityZones() {
        files.environment("prod", """
                tier: prod
                network:
                  maxAzs: 2
                """);

        assertThat(files.problems()).containsExactly(
                "prod.yaml:3:11 network.maxAzs: 2 is too few for prod; prod spreads over 3 availability zones (REL10-BP01)");
    }

    @Test
    void rejectsALogRetentionCloudWatchDoesNotOffer() {
        files.environment("dev", """
                tier: dev
                logs:
                  retentionDays: 45
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:3:18 logs.retentionDays: 45 is not a retention CloudWatch "
                + "Logs accepts; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, "
                + "2192, 2557, 2922, 3288, 3653");
    }

    @Test
    void rejectsLogRetentionUnderAYearInProd() {
        files.environment("prod", """
                tier: prod
                logs:
                  retentionDays: 180
                """);

        // THEN only logs.retentionDays is reported: the flow logs follow it by default and are not set here
        assertThat(files.problems()).containsExactly("prod.yaml:3:18 logs.retentionDays: 180 is too short for prod; prod "
                + "keeps logs at least 365 days (AWS Control Tower CT.CLOUDWATCH.PR.2 requires a year)");
    }

    @Test
    void rejectsFlowLogRetentionUnderAYearInProd() {
        files.environment("prod", """
                tier: prod
                network:
                  flowLogRetentionDays: 90
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:3:25 network.flowLogRetentionDays: 90 is too short for prod; "
                + "prod keeps logs at least 365 days (AWS Control Tower CT.CLOUDWATCH.PR.2 requires a year)");
    }

    @Test
    void acceptsShortLogRetentionOutsideProd() {
        files.environment("test", """
                tier: test
                logs:
                  retentionDays: 7
                network:
                  flowLogRetentionDays: 1
                """);

        assertThat(files.load("test").network().flowLogRetentionDays()).isEqualTo(1);
    }

    // ---- wrong types ---------------------------------------------------------------------------

    @Test
    void rejectsAStringWhereAnIntegerBelongs() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute: { fargate: { cpu: large } }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:7:32 services.web.compute.fargate.cpu: expected an integer from 256 to 16384, got a string 'large'");
    }

    @Test
    void rejectsAnIntegerWhereABooleanBelongs() {
        files.environment("dev", """
                tier: dev
                network:
                  isolatedSubnets: 1
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:20 network.isolatedSubnets: expected true or false, got an integer '1'");
    }

    @Test
    void rejectsABooleanWhereAStringBelongs() {
        files.environment("dev", """
                tier: dev
                owner: yes
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:2:8 owner: expected a string, got a boolean 'yes'; put it in quotes");
    }

    @Test
    void rejectsAWrittenOutNullWhereAStringBelongs() {
        files.environment("dev", """
                tier: dev
                network:
                  cidr: null
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:9 network.cidr: expected a string, got null 'null'; put it in quotes");
    }

    @Test
    void rejectsABooleanInAListOfStrings() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public, hosts: [example.com, on] } }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:6:66 services.web.traffic.alb.hosts[1]: expected a string, got a boolean 'on'; put it in quotes");
    }

    @Test
    void rejectsABooleanEnvironmentVariableValue() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      FEATURE_X: true
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:18 services.web.environment.FEATURE_X: expected a string, got a boolean 'true'; put it in quotes");
    }

    @Test
    void rejectsAnEmptyQuotedRequiredString() {
        files.environment("dev", """
                tier: dev
                account: ""
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:2:10 account: must not be empty; set it to the 12-digit AWS account ID, in quotes");
    }

    @Test
    void acceptsAnIntegerWhereAStringBelongsAndKeepsItsText() {
        files.environment("dev", """
                tier: dev
                account: 123456789012
                owner: 42
                """);

        EnvironmentConfig dev = files.load("dev");
        assertThat(dev.account()).isEqualTo("123456789012");
        assertThat(dev.owner()).isEqualTo("42");
    }

    @Test
    void rejectsAListWhereAMapBelongs() {
        files.environment("dev", """
                tier: dev
                network: [10.0.0.0/16]
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:2:10 network: expected a map, got a list");
    }

    // ---- service task ----------------------------------------------------------------------------

    @Test
    void rejectsACpuSizeFargateDoesNotOffer() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute: { fargate: { cpu: 300 } }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:7:32 services.web.compute.fargate.cpu: 300 is not a Fargate CPU size; use one of 256, 512, 1024, 2048, 4096, 8192, 16384");
    }

    @Test
    void rejectsFargateMemoryThatDoesNotMatchCpu() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate: { cpu: 256, memory: 300 }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:36 services.web.compute.fargate.memory: 300 is not valid with cpu 256 on Fargate; use one of 512, 1024, 2048");
    }

    @Test
    void reportsOnlyTheCpuWhenTheCpuIsWrongAndMemoryIsSet() {
        // GIVEN memory that fits the cpu the user meant (4096) but not the default that stands in for it (256)
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate:
                        cpu: 4000
                        memory: 8192
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:14 services.web.compute.fargate.cpu: 4000 is not a Fargate CPU size; use one of 256, 512, 1024, 2048, 4096, 8192, 16384");
    }

    @Test
    void rejectsAServiceWithoutImageAndPort() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    traffic: { alb: { loadBalancer: public } }
                    user: "1000"
                """);

        // THEN both point at the service's key (web:, line 3), the map the keys belong in; port names the route that needs it
        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:3 services.web.image: is required; set it to a container image reference, "
                        + "e.g. public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine",
                "dev.yaml:3:3 services.web.port: is required with traffic.alb (dev.yaml:4:21); set it to the port the "
                        + "container listens on, 1 to 65535");
    }

    @Test
    void rejectsRunningTheContainerAsRoot() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    user: "0:0"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:11 services.web.user: '0:0' runs the container as root "
                + "(ECS.20, CT.ECS.PR.6); use a non-root UID such as 1000");
    }

    @Test
    void rejectsAServiceThatDoesNotNameItsUser() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                """);

        // THEN at the service's key, where user must be added
        assertThat(files.problems()).containsExactly("dev.yaml:3:3 services.web.user: is required; set it to the non-root "
                + "UID (or UID:GID) the image runs as, e.g. \"1000\" (Control Tower CT.ECS.PR.3 requires every container to "
                + "name a non-root user)");
    }

    @Test
    void rejectsAnEmptyUser() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: ""
                    traffic: { alb: { loadBalancer: public } }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:6:11 services.web.user: must not be empty; set it to the "
                + "non-root UID (or UID:GID) the image runs as, e.g. \"1000\" (Control Tower CT.ECS.PR.3 requires every "
                + "container to name a non-root user)");
    }

    @Test
    void rejectsAnEnvironmentVariableThatLooksLikeASecret() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      DB_PASSWORD: hunter2
                    user: "1000"
                """);

        assertThat(files.problems()).singleElement().asString()
                .startsWith("dev.yaml:8:20 services.web.environment.DB_PASSWORD: looks like a secret; ")
                .contains("(ECS.8)", "Secrets Manager");
    }

    @Test
    void rejectsAwsCredentialsAsEnvironmentVariables() {
        // GIVEN the three fixed names; ECS_ENGINE_AUTH_DATA contains no secret-like word, only the fixed list catches it
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      AWS_ACCESS_KEY_ID: AKIAEXAMPLE
                      AWS_SECRET_ACCESS_KEY: example
                      ECS_ENGINE_AUTH_DATA: example
                    user: "1000"
                """);

        assertThat(files.problems()).satisfiesExactly(
                first -> assertThat(first).startsWith("dev.yaml:8:26 services.web.environment.AWS_ACCESS_KEY_ID: looks like a secret; "),
                second -> assertThat(second).startsWith("dev.yaml:9:30 services.web.environment.AWS_SECRET_ACCESS_KEY: looks like a secret; "),
                third -> assertThat(third).startsWith("dev.yaml:10:29 services.web.environment.ECS_ENGINE_AUTH_DATA: looks like a secret; "));
    }

    @Test
    void rejectsAnyEnvironmentVariableNameContainingKeyOrToken() {
        // GIVEN names the checklist's (?i)(secret|password|token|key) catches in any case and position
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      STRIPE_KEY: sk_live_example
                      githubToken: example
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:19 services.web.environment.STRIPE_KEY: looks like a secret; plain environment variables end up "
                        + "in the task definition for anyone with ecs:DescribeTaskDefinition to read (ECS.8). Keep secrets in "
                        + "Secrets Manager or SSM Parameter Store and reference them under the service's secrets, or rename "
                        + "the variable if it holds no secret",
                "dev.yaml:9:20 services.web.environment.githubToken: looks like a secret; plain environment variables end up "
                        + "in the task definition for anyone with ecs:DescribeTaskDefinition to read (ECS.8). Keep secrets in "
                        + "Secrets Manager or SSM Parameter Store and reference them under the service's secrets, or rename "
                        + "the variable if it holds no secret");
    }

    @Test
    void rejectsAnImageWithoutTagInProd() {
        files.environment("prod", """
                tier: prod
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:4:12 services.web.image: 'nginx' has no tag, which means "
                + "latest; prod runs only pinned images, so that a task started later (scale-out, replacement) runs the same "
                + "build as the others. Use a version tag or a digest (@sha256:...), or set allowUnpinnedImage: true to accept that");
    }

    @Test
    void rejectsTheLatestTagInProd() {
        files.environment("prod", """
                tier: prod
                services:
                  web:
                    image: registry.example.com:5000/orders:latest
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:4:12 services.web.image: 'registry.example.com:5000/orders:latest' "
                + "uses the latest tag; prod runs only pinned images, so that a task started later (scale-out, replacement) "
                + "runs the same build as the others. Use a version tag or a digest (@sha256:...), or set allowUnpinnedImage: "
                + "true to accept that");
    }

    @Test
    void doesNotTakeARegistryPortForATag() {
        files.environment("prod", """
                tier: prod
                services:
                  web:
                    image: registry.example.com:5000/orders
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                """);

        assertThat(files.problems()).singleElement().asString()
                .startsWith("prod.yaml:4:12 services.web.image: 'registry.example.com:5000/orders' has no tag, which means latest; ");
    }

    @Test
    void reportsAnUnpinnedBaseImageOnceAtTheBaseFileWithProdsReason() {
        files.base(VALID_BASE + """
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                """);
        files.environment("dev", "tier: dev\n").environment("prod", "tier: prod\n");

        assertThat(files.problems()).singleElement().asString()
                .startsWith("base.yaml:8:12 services.web.image: 'nginx' has no tag, which means latest; prod runs only pinned images");
    }

    @Test
    void acceptsPinnedImagesInProdAndAnExplicitOptOut() {
        String digest = "@sha256:" + "0123456789abcdef".repeat(4);
        files.environment("prod", """
                tier: prod
                services:
                  tagged:
                    image: registry.example.com:5000/orders:1.4.2
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public, priority: 1, paths: [/tagged/*] } }
                  digest:
                    image: nginx%s
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public, priority: 2, paths: [/digest/*] } }
                  moving:
                    image: example/nightly:latest
                    allowUnpinnedImage: true
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public, priority: 3 } }
                """.formatted(digest));

        EnvironmentConfig prod = files.load("prod");

        assertThat(prod.services().get("digest").image()).isEqualTo("nginx" + digest);
        assertThat(prod.services().get("moving").allowUnpinnedImage()).isTrue();
        assertThat(prod.services().get("tagged").allowUnpinnedImage()).isFalse();
    }

    @Test
    void acceptsAnUnpinnedImageOutsideProd() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx:latest
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                """);

        assertThat(files.load("dev").services().get("web").image()).isEqualTo("nginx:latest");
    }

    @Test
    void rejectsADigestThatIsNotSha256() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx@sha256:abc
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:4:12 services.web.image: 'nginx@sha256:abc' has a digest that "
                + "is not sha256: followed by 64 lower-case hex digits; copy the digest from the registry, e.g. with docker "
                + "buildx imagetools inspect");
    }

    @Test
    void rejectsAnAwsAccessKeyIdAsAVariableValueWithoutRepeatingIt() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      S3_UPLOADER: AKIAIOSFODNN7EXAMPLE
                      SESSION_ID: "id=ASIAXXXXXXXXXXXXXXXX;region=eu-west-1"
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:20 services.web.environment.S3_UPLOADER: the value looks like an AWS access key ID; plain "
                        + "environment variables end up in the task definition for anyone with ecs:DescribeTaskDefinition "
                        + "to read (ECS.8). Keep secrets in Secrets Manager or SSM Parameter Store and reference them under "
                        + "the service's secrets",
                "dev.yaml:9:19 services.web.environment.SESSION_ID: the value looks like an AWS access key ID; plain "
                        + "environment variables end up in the task definition for anyone with ecs:DescribeTaskDefinition "
                        + "to read (ECS.8). Keep secrets in Secrets Manager or SSM Parameter Store and reference them under "
                        + "the service's secrets");
    }

    @Test
    void rejectsAUrlWithAPasswordAsAVariableValueWithoutRepeatingIt() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      DATABASE_URL: postgres://orders:hunter2@db.internal:5432/orders
                      CACHE_URL: "redis://:s3cr3t@cache.internal:6379"
                    user: "1000"
                """);

        List<String> problems = files.problems();

        assertThat(problems).containsExactly(
                "dev.yaml:8:21 services.web.environment.DATABASE_URL: the value is a URL with a password in it; plain "
                        + "environment variables end up in the task definition for anyone with ecs:DescribeTaskDefinition "
                        + "to read (ECS.8). Keep secrets in Secrets Manager or SSM Parameter Store and reference them under "
                        + "the service's secrets (or keep the URL here without its password and pass the password as a secret)",
                "dev.yaml:9:18 services.web.environment.CACHE_URL: the value is a URL with a password in it; plain "
                        + "environment variables end up in the task definition for anyone with ecs:DescribeTaskDefinition "
                        + "to read (ECS.8). Keep secrets in Secrets Manager or SSM Parameter Store and reference them under "
                        + "the service's secrets (or keep the URL here without its password and pass the password as a secret)");
        assertThat(String.join("\n", problems)).doesNotContain("hunter2", "s3cr3t");
    }

    @Test
    void acceptsUrlsWithAUserOrAPortButNoPassword() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      UPSTREAM: https://api.example.com:8443/v1/@me
                      MAILTO: mailto:ops@example.com
                      REPO: ssh://git@github.com/org/repo.git
                      BUILD: AKIA-NOT-A-KEY
                    user: "1000"
                """);

        assertThat(files.load("dev").services().get("web").environment()).hasSize(4);
    }

    @Test
    void acceptsTheShippedNginxVariable() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      NGINX_ENTRYPOINT_QUIET_LOGS: "1"
                    user: "1000"
                """);

        assertThat(files.load("dev").services().get("web").environment()).containsOnlyKeys("NGINX_ENTRYPOINT_QUIET_LOGS");
    }

    @Test
    void rejectsTwoWritablePathsThatShareAVolumeName() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    writablePaths: [/var/cache, /tmp, /var-cache]
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:20 services.web.writablePaths: '/var-cache' and "
                + "'/var/cache' would share the volume 'var-cache' (ECS volume names allow only letters, digits, - and _, "
                + "so other characters become -); list only one of them, or their common parent directory");
    }

    @Test
    void rejectsAWritablePathListedTwice() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    writablePaths: [/tmp, /tmp]
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:20 services.web.writablePaths: '/tmp' is listed twice");
    }

    @Test
    void rejectsWritablePathsOnAWritableRootFilesystem() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    readonlyRootFilesystem: false
                    writablePaths: [/tmp]
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:8:20 services.web.writablePaths: is set but "
                + "readonlyRootFilesystem is false, so the whole file system is writable and these paths would be ignored; "
                + "remove writablePaths (or set it to [] if base.yaml sets it), or set readonlyRootFilesystem: true");
    }

    @Test
    void givesAWritableRootFilesystemNoWritablePathsByDefault() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    readonlyRootFilesystem: false
                    user: "1000"
                """);

        // THEN the default [/tmp] is not applied, so print-config writes a file that loads again
        assertThat(files.load("dev").services().get("web").writablePaths()).isEmpty();
    }

    @Test
    void rejectsAnEnvironmentVariableNameTheShellCannotUse() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      LOG-LEVEL: debug
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:8:18 services.web.environment.LOG-LEVEL: 'LOG-LEVEL' is not "
                + "a valid variable name; use letters, digits and underscores, not starting with a digit");
    }

    @Test
    void rejectsAnInvalidServiceName() {
        files.environment("dev", """
                tier: dev
                services:
                  Web_App:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    user: "1000"
                """);

        // THEN the problem points at the name itself (line 3), not at the first setting under it
        assertThat(files.problems()).containsExactly("dev.yaml:3:3 services.Web_App: 'Web_App' is not a valid service name; "
                + "use 1 to 20 lower-case letters, digits and hyphens, starting with a letter");
    }

    // ---- family, container name, secrets and task role --------------------------------------

    @Test
    void rejectsAFamilyAndAContainerNameEcsDoesNotAccept() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    family: dev.web
                    containerName: "web app"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:13 services.web.family: 'dev.web' is not a task definition family; use 1 to 255 letters, "
                        + "digits, hyphens and underscores",
                "dev.yaml:9:20 services.web.containerName: 'web app' is not a container name; use 1 to 255 letters, "
                        + "digits, hyphens and underscores");
    }

    @Test
    void rejectsTwoServicesWithOneFamilyWhereTheFamilyIsWritten() {
        // GIVEN api names web's default family, and comes first
        files.environment("dev", """
                tier: dev
                services:
                  api:
                    image: api
                    port: 8080
                    user: "1000"
                    family: dev-web
                    traffic: { alb: { loadBalancer: public, priority: 1, paths: [/api/*] } }
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public, priority: 2 } }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:13 services.api.family: 'dev-web' is already the family "
                + "of service 'web'; give each service its own task definition family");
    }

    @Test
    void rejectsASecretWithNeitherSourceAndSaysWhatEachIsFor() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      DB_PASSWORD: { key: password }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:9:7 services.web.secrets.DB_PASSWORD: needs secretsManager "
                + "(the name or ARN of a Secrets Manager secret: credentials and other secrets that rotate) or ssmParameter "
                + "(the name or ARN of an SSM Parameter Store SecureString parameter: a single value)");
    }

    @Test
    void rejectsASecretWithBothSources() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      DB_PASSWORD: { secretsManager: prod/orders/db, ssmParameter: /orders/db }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:9:68 services.web.secrets.DB_PASSWORD.ssmParameter: is set "
                + "together with secretsManager; use secretsManager for a Secrets Manager secret or ssmParameter for an SSM "
                + "Parameter Store parameter, not both");
    }

    @Test
    void saysThatMapsMergeWhenTheOtherSourceComesFromTheBaseFile() {
        files.base(VALID_BASE + """
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      DB_PASSWORD: { secretsManager: prod/orders/db }
                """);
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    secrets:
                      DB_PASSWORD: { ssmParameter: /dev/orders/db }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:5:36 services.web.secrets.DB_PASSWORD.ssmParameter: is set "
                + "together with secretsManager; use secretsManager for a Secrets Manager secret or ssmParameter for an SSM "
                + "Parameter Store parameter, not both (one comes from base.yaml and maps merge: set this secret in each "
                + "environment file instead)");
    }

    @Test
    void rejectsAJsonKeyOfAnSsmParameter() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      API_TOKEN: { ssmParameter: /orders/api-token, key: token }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:9:58 services.web.secrets.API_TOKEN.key: is only allowed with "
                + "secretsManager: it picks one key of a Secrets Manager secret that holds JSON, and an SSM parameter has a "
                + "single value");
    }

    @Test
    void rejectsSecretReferencesThatAreNoNameOrArnOfTheirSource() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      DB_PASSWORD: { secretsManager: "prod orders db" }
                      API_TOKEN: { ssmParameter: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf" }
                      SHARED: { secretsManager: "arn:aws:secretsmanager:eu-west-1:12345:secret:shared" }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:38 services.web.secrets.DB_PASSWORD.secretsManager: 'prod orders db' is not a Secrets Manager "
                        + "secret name (letters, digits and / _ + = . @ -, up to 512) or its full ARN, "
                        + "arn:aws:secretsmanager:<region>:<account>:secret:<name>",
                "dev.yaml:10:34 services.web.secrets.API_TOKEN.ssmParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:"
                        + "secret:api-AbCdEf' is an ARN for secretsManager, not ssmParameter; move it under secretsManager",
                "dev.yaml:11:33 services.web.secrets.SHARED.secretsManager: 'arn:aws:secretsmanager:eu-west-1:12345:secret:"
                        + "shared' is not a Secrets Manager secret name (letters, digits and / _ + = . @ -, up to 512) or its "
                        + "full ARN, arn:aws:secretsmanager:<region>:<account>:secret:<name>");
    }

    @Test
    void rejectsAKmsKeyThatIsNotAKeyArnAndAJsonKeyWithAColon() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      DB_PASSWORD:
                        secretsManager: prod/orders/db
                        key: "db:password"
                        kmsKey: alias/orders
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:11:14 services.web.secrets.DB_PASSWORD.key: 'db:password' is not a JSON key ECS can select; write "
                        + "the key's name, without ':' (ECS separates the parts of a secret reference with colons)",
                "dev.yaml:12:17 services.web.secrets.DB_PASSWORD.kmsKey: 'alias/orders' is not a KMS key ARN; use "
                        + "arn:aws:kms:<region>:<account>:key/<key id> (not an alias: decrypt permission is granted on the key)");
    }

    @Test
    void rejectsAVariableThatIsBothPlainAndSecretAndNamesBoth() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    environment:
                      API_URL: https://api.example.com
                    secrets:
                      API_URL: { ssmParameter: /orders/api-url }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:11:7 services.web.secrets.API_URL: is also set under "
                + "services.web.environment.API_URL (dev.yaml:9:16); a variable is either plain or secret, so remove one of them");
    }

    @Test
    void rejectsASecretVariableNameTheShellCannotUseAndASecretWrittenAsAString() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      DB-PASSWORD: { secretsManager: prod/orders/db }
                      API_TOKEN: /orders/api-token
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:7 services.web.secrets.DB-PASSWORD: 'DB-PASSWORD' is not a valid variable name; use letters, "
                        + "digits and underscores, not starting with a digit",
                "dev.yaml:10:18 services.web.secrets.API_TOKEN: expected a map such as { secretsManager: prod/orders/db } "
                        + "or { ssmParameter: /orders/api-token }, got a string");
    }

    @Test
    void acceptsTheDocumentedSecretsWhoseNamesLookLikeSecrets() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    secrets:
                      DB_PASSWORD: { secretsManager: prod/orders/db, key: password }
                      API_TOKEN:   { ssmParameter: /orders/api-token }
                      SHARED:      { secretsManager: "arn:aws:secretsmanager:eu-west-1:444455556666:secret:shared/token-AbCdEf", kmsKey: "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab" }
                """);

        assertThat(files.load("dev").services().get("web").secrets()).isEqualTo(Map.of(
                "DB_PASSWORD", new SecretConfig(Optional.of("prod/orders/db"), Optional.empty(), Optional.of("password"), Optional.empty()),
                "API_TOKEN", new SecretConfig(Optional.empty(), Optional.of("/orders/api-token"), Optional.empty(), Optional.empty()),
                "SHARED", new SecretConfig(Optional.of("arn:aws:secretsmanager:eu-west-1:444455556666:secret:shared/token-AbCdEf"),
                        Optional.empty(), Optional.empty(),
                        Optional.of("arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"))));
        SecretConfig shared = files.load("dev").services().get("web").secrets().get("SHARED");
        assertThat(shared.source()).isEqualTo(SecretSource.SECRETS_MANAGER);
        assertThat(shared.reference()).isEqualTo("arn:aws:secretsmanager:eu-west-1:444455556666:secret:shared/token-AbCdEf");
        assertThat(files.load("dev").services().get("web").secrets().get("API_TOKEN").source()).isEqualTo(SecretSource.SSM_PARAMETER);
    }

    @Test
    void rejectsAWildcardStatementWithoutReasonAndSaysWhatTheReasonIsFor() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    taskRole:
                      statements:
                        - actions: [s3:GetObject]
                          resources: ["arn:aws:s3:::orders-uploads/*"]
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:10:11 services.web.taskRole.statements[0].reason: is required "
                + "because 'arn:aws:s3:::orders-uploads/*' has a wildcard; say in at least 20 characters why the task needs it "
                + "(the reason becomes the reviewed acknowledgment of cdk-nag AwsSolutions-IAM5 for exactly this statement)");
    }

    @Test
    void rejectsAReasonTooShortToSayAnything() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    taskRole:
                      statements:
                        - actions: ["s3:Get*"]
                          resources: ["arn:aws:s3:::orders-uploads"]
                          reason: needed
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:12:19 services.web.taskRole.statements[0].reason: is 6 "
                + "characters long; say in at least 20 why the task needs 's3:Get*' (the reason becomes the reviewed "
                + "acknowledgment of cdk-nag AwsSolutions-IAM5 for exactly this statement)");
    }

    @Test
    void rejectsAReasonOnAStatementWithoutWildcards() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    taskRole:
                      statements:
                        - actions: [sqs:SendMessage]
                          resources: ["arn:aws:sqs:eu-west-1:123456789012:orders-events"]
                          reason: The service publishes order events
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:12:19 services.web.taskRole.statements[0].reason: is set but "
                + "this statement has no wildcard, so cdk-nag AwsSolutions-IAM5 has nothing to acknowledge; remove reason");
    }

    @Test
    void rejectsActionsAndResourcesIamDoesNotAccept() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    taskRole:
                      statements:
                        - actions: [GetObject]
                          resources: [orders-uploads]
                        - actions: []
                        - resources: ["*"]
                          actions: [sts:GetCallerIdentity]
                          reason: GetCallerIdentity takes no resource
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:20 services.web.taskRole.statements[0].actions: 'GetObject' is not an IAM action; use "
                        + "service:Action, e.g. s3:GetObject (* and ? may stand for part of the action name)",
                "dev.yaml:11:22 services.web.taskRole.statements[0].resources: 'orders-uploads' is not a resource; use an "
                        + "ARN (arn:...) or *",
                "dev.yaml:12:11 services.web.taskRole.statements[1].resources: is required; set it to the ARNs the actions "
                        + "apply to, or [\"*\"] for actions that take no resource",
                "dev.yaml:12:20 services.web.taskRole.statements[1].actions: must not be empty; list the IAM actions the "
                        + "task needs, e.g. [s3:GetObject]");
    }

    @Test
    void rejectsAwsManagedPoliciesAndArnsThatAreNoPolicy() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    taskRole:
                      managedPolicies:
                        - arn:aws:iam::aws:policy/AmazonS3FullAccess
                        - arn:aws:iam::123456789012:role/orders
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:9 services.web.taskRole.managedPolicies: 'arn:aws:iam::123456789012:role/orders' is not a "
                        + "customer managed policy ARN; use arn:aws:iam::<account>:policy/<name>",
                "dev.yaml:10:9 services.web.taskRole.managedPolicies: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' is an "
                        + "AWS managed policy; those grant far more than one task needs (cdk-nag AwsSolutions-IAM4), so write "
                        + "the actions the task needs under statements instead");
    }

    @Test
    void rejectsAManagedPolicyOfAnotherAccount() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    taskRole:
                      managedPolicies: ["arn:aws:iam::444455556666:policy/shared-extra"]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:24 services.web.taskRole.managedPolicies: 'arn:aws:iam::444455556666:policy/shared-extra' belongs "
                        + "to account 444455556666; a role can only use managed policies of its own account, 123456789012, so "
                        + "create the policy there or write its statements under statements");
    }

    @Test
    void acceptsTheDocumentedTaskRole() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public } }
                    taskRole:
                      statements:
                        - actions: [s3:GetObject, s3:PutObject]
                          resources: ["arn:aws:s3:::orders-uploads/*"]
                          reason: Uploads are keyed by order ID under one bucket
                      managedPolicies: ["arn:aws:iam::123456789012:policy/orders-extra"]
                """);

        TaskRoleConfig taskRole = files.load("dev").services().get("web").taskRole();

        assertThat(taskRole).isEqualTo(new TaskRoleConfig(List.of(new PolicyStatementConfig(
                List.of("s3:GetObject", "s3:PutObject"), List.of("arn:aws:s3:::orders-uploads/*"),
                Optional.of("Uploads are keyed by order ID under one bucket"))),
                List.of("arn:aws:iam::123456789012:policy/orders-extra")));
        assertThat(taskRole.statements().get(0).hasWildcard()).isTrue();
    }

    // ---- load balancers and routes -------------------------------------------------------------

    @Test
    void rejectsAnUnknownLoadBalancerScheme() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  public:
                    scheme: public
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:13 loadBalancers.public.scheme: 'public' is not allowed; use one of internet-facing, internal");
    }

    @Test
    void rejectsTurningOffDeletionProtectionInProd() {
        files.environment("prod", """
                tier: prod
                loadBalancers:
                  public:
                    deletionProtection: false
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:4:25 loadBalancers.public.deletionProtection: false is not "
                + "allowed in prod; a prod load balancer must not be deletable by a stray stack update (ELB.6). Remove the key");
    }

    @Test
    void acceptsAServiceWithoutLoadBalancerAsAWorkerThatNeedsNoPort() {
        files.environment("dev", """
                tier: dev
                services:
                  worker:
                    image: example/worker:1.0
                    user: "1000"
                """);

        ServiceConfig worker = files.load("dev").services().get("worker");

        assertThat(worker.traffic().isNone()).isTrue();
        assertThat(worker.port()).isEmpty();
        // No port: no default HTTP check of the container either.
        assertThat(worker.healthCheck().command()).isEmpty();
    }

    @Test
    void givesAWorkerWithAPortNoDefaultHttpCheck() {
        // A worker's port may serve metrics or gRPC and never answer GET /: a default check would fail its tasks.
        files.environment("dev", """
                tier: dev
                services:
                  worker:
                    image: example/worker:1.0
                    user: "1000"
                    port: 9090
                """);

        ServiceConfig worker = files.load("dev").services().get("worker");

        assertThat(worker.port()).contains(9090);
        assertThat(worker.healthCheck().command()).isEmpty();
    }

    @Test
    void rejectsLoadBalancerHealthCheckSettingsOnAWorker() {
        files.environment("dev", """
                tier: dev
                services:
                  worker:
                    image: example/worker:1.0
                    user: "1000"
                    healthCheck:
                      path: /health
                      command: [CMD, /bin/worker, --health]
                """);

        // THEN the load balancer's check lives under traffic.alb.healthCheck, so a worker's healthCheck has no path at all
        assertThat(files.problems()).containsExactly("dev.yaml:7:7 services.worker.healthCheck.path: unknown key; allowed "
                + "keys here: command, gracePeriodSeconds");
    }

    @Test
    void rejectsAContainerHealthCheckThatIsNotACmdOrCmdShellCommand() {
        // GIVEN the command written as Docker's shell form, and as CMD with nothing to run
        files.environment("dev", """
                tier: dev
                services:
                  a: { image: a, user: "1000", healthCheck: { command: [curl -f http://localhost/] } }
                  b: { image: b, user: "1000", healthCheck: { command: [CMD] } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:56 services.a.healthCheck.command: must start with CMD or CMD-SHELL followed by the command, "
                        + "e.g. [CMD-SHELL, \"curl -f http://localhost:8080/ || exit 1\"]",
                "dev.yaml:4:56 services.b.healthCheck.command: must start with CMD or CMD-SHELL followed by the command, "
                        + "e.g. [CMD-SHELL, \"curl -f http://localhost:8080/ || exit 1\"]");
    }

    @Test
    void rejectsALoadBalancerNameThatIsNotDefinedAndListsTheDefinedOnes() {
        files.environment("dev", """
                tier: dev
                loadBalancers:
                  internal: { scheme: internal }
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: private
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:10:23 services.web.traffic.alb.loadBalancer: 'private' is not "
                + "a load balancer of this environment; use one of internal, public");
    }

    @Test
    void rejectsTwoServicesOnOneLoadBalancerWithoutPriorities() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                    user: "1000"
                  api:
                    image: api
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                        paths: [/api/*]
                    user: "1000"
                """);

        // THEN each points at its service's alb: key, where priority must be added
        assertThat(files.problems()).containsExactly(
                "dev.yaml:7:7 services.web.traffic.alb.priority: is required when several services share load balancer "
                        + "'public' (web, api); give each a unique priority from 1 to 50000",
                "dev.yaml:14:7 services.api.traffic.alb.priority: is required when several services share load balancer "
                        + "'public' (web, api); give each a unique priority from 1 to 50000");
    }

    @Test
    void pointsAMissingLoadBalancerNameAtTheLoadBalancerKey() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        paths: [/api/*]
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:7:7 services.web.traffic.alb.loadBalancer: is required; set it to the key of an entry under "
                        + "loadBalancers; defined load balancers: public");
    }

    @Test
    void pointsAMissingKeyOfAServiceWithNoSettingsAtItsKey() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:3 services.web.image: is required; set it to a container image reference, "
                        + "e.g. public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine",
                "dev.yaml:3:3 services.web.user: is required; set it to the non-root UID (or UID:GID) the image runs as, "
                        + "e.g. \"1000\" (Control Tower CT.ECS.PR.3 requires every container to name a non-root user)");
    }

    @Test
    void pointsAMissingCapacityProviderAtTheListItem() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate:
                        capacity:
                          - weight: 2
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:13 services.web.compute.fargate.capacity[0].provider: is required; use one of fargate, fargate-spot");
    }

    @Test
    void rejectsTwoServicesWithTheSamePriorityOnOneLoadBalancer() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public, priority: 10 } }
                    user: "1000"
                  api:
                    image: api
                    port: 8080
                    traffic: { alb: { loadBalancer: public, priority: 10, paths: [/api/*] } }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:11:55 services.api.traffic.alb.priority: 10 is already "
                + "used by service 'web' on load balancer 'public'; priorities must be unique per load balancer");
    }

    @Test
    void rejectsARoutePathWithoutLeadingSlash() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                        paths: [/ok, api/*]
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:9:16 services.web.traffic.alb.paths: 'api/*' is not a path "
                + "pattern; use a pattern that starts with /, such as /api/*");
    }

    @Test
    void rejectsMoreThanFivePathsAndHostsOnOneRule() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                        paths: [/a, /b, /c, /d]
                        hosts: [example.com, www.example.com]
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:9:16 services.web.traffic.alb.paths: a listener rule can "
                + "match at most 5 paths and hosts together; this has 6");
    }

    // ---- health checks -------------------------------------------------------------------------

    @Test
    void rejectsAHealthCheckTimeoutThatIsNotBelowTheInterval() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                        healthCheck:
                          intervalSeconds: 10
                          timeoutSeconds: 10
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:11:27 services.web.traffic.alb.healthCheck.timeoutSeconds: timeoutSeconds (10) must be less than intervalSeconds (10)");
    }

    @Test
    void rejectsAHealthCheckPathWithCharactersTheShellWouldInterpret() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                        healthCheck:
                          path: "/health?full=1&x=$(id)"
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:10:17 services.web.traffic.alb.healthCheck.path: "
                + "'/health?full=1&x=$(id)' is not allowed; use a path that starts with / and has only letters, digits and "
                + ". _ ~ / % - (the path is put into the container's shell health-check command and the ALB health check)");
    }

    @Test
    void rejectsAHealthCheckPathWithoutLeadingSlash() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                        healthCheck:
                          path: health
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:10:17 services.web.traffic.alb.healthCheck.path: 'health' is "
                + "not allowed; use a path that starts with / and has only letters, digits and . _ ~ / % - (the path is put "
                + "into the container's shell health-check command and the ALB health check)");
    }

    @Test
    void rejectsHealthCheckThresholdsOutOfRange() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic:
                      alb:
                        loadBalancer: public
                        healthCheck:
                          healthyThreshold: 1
                          unhealthyThreshold: 11
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:29 services.web.traffic.alb.healthCheck.healthyThreshold: 1 is out of range; use an integer from 2 to 10",
                "dev.yaml:11:31 services.web.traffic.alb.healthCheck.unhealthyThreshold: 11 is out of range; use an integer from 2 to 10");
    }

    // ---- scaling, capacity and deployment ------------------------------------------------------

    @Test
    void rejectsOneTaskInProd() {
        files.environment("prod", """
                tier: prod
                services:
                  web:
                    image: nginx:1.27
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    scaling:
                      minTasks: 1
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:8:17 services.web.scaling.minTasks: 1 is too few for prod; "
                + "run at least 2 tasks so one failure is not an outage (REL10-BP01)");
    }

    @Test
    void rejectsMaxTasksBelowMinTasks() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    scaling:
                      minTasks: 3
                      maxTasks: 2
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:17 services.web.scaling.maxTasks: 2 is less than minTasks (3); use 3 or more");
    }

    @Test
    void rejectsAnEmptyCapacityList() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate:
                        capacity: []
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:19 services.web.compute.fargate.capacity: must not be empty; omit it to run every task on fargate");
    }

    @Test
    void rejectsACapacityProviderListedTwice() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate:
                        capacity:
                          - provider: fargate-spot
                          - provider: fargate-spot
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:11:23 services.web.compute.fargate.capacity[1].provider: 'fargate-spot' is listed twice; list each provider once");
    }

    @Test
    void rejectsAnUnknownCapacityProviderAndListsTheProviders() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate:
                        capacity:
                          - provider: spot
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:23 services.web.compute.fargate.capacity[0].provider: 'spot' is not allowed; use one of fargate, fargate-spot");
    }

    @Test
    void rejectsACapacityStrategyWhereEveryWeightIsZero() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate:
                        capacity:
                          - { provider: fargate, weight: 0 }
                          - { provider: fargate-spot, weight: 0 }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:10:11 services.web.compute.fargate.capacity: every weight is 0; at least one "
                + "provider needs a weight of 1 or more");
    }

    @Test
    void rejectsABaseOnMoreThanOneCapacityProvider() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate:
                        capacity:
                          - { provider: fargate, base: 1 }
                          - { provider: fargate-spot, base: 1 }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:10:11 services.web.compute.fargate.capacity: more than one provider sets base; "
                + "ECS allows a base on one provider only");
    }

    @Test
    void rejectsADeploymentBelowFullHealthInProd() {
        files.environment("prod", """
                tier: prod
                services:
                  web:
                    image: nginx:1.27
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment:
                      rolling:
                        minHealthyPercent: 50
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("prod.yaml:9:28 services.web.deployment.rolling.minHealthyPercent: 50 is not "
                + "allowed in prod; prod keeps 100 so a deployment never drops below the desired capacity");
    }

    @Test
    void rejectsAMaxPercentThatIsNotAboveMinHealthyPercent() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment:
                      rolling:
                        maxPercent: 100
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:9:21 services.web.deployment.rolling.maxPercent: 100 must be greater "
                + "than minHealthyPercent (100) or a rolling deployment cannot start a new task");
    }

    // ---- variants: traffic, compute and deployment ----------------------------------------------

    @Test
    void rejectsADeploymentKindThatDoesNotExistAndSuggestsNothingWhenNoneIsClose() {
        // GIVEN a kind of deployment the platform does not offer (yet)
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { spinnaker: {} }
                    user: "1000"
                """);

        // THEN it names the kinds there are, with no did-you-mean
        assertThat(files.problems()).containsExactly("dev.yaml:7:19 services.web.deployment.spinnaker: 'spinnaker' is not "
                + "a kind of deployment; write one of rolling, recreate, blueGreen, canary, linear, codeDeploy, as a map of its settings, e.g. deployment: { rolling: {} }");
    }

    @Test
    void rejectsAMisspelledDeploymentKindAndSuggestsTheClosest() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment:
                      rollin: { maxPercent: 150 }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:8:7 services.web.deployment.rollin: 'rollin' is not a kind "
                + "of deployment; did you mean 'rolling'? write one of rolling, recreate, blueGreen, canary, linear, codeDeploy, as a map of its settings, e.g. "
                + "deployment: { rolling: {} }");
    }

    @Test
    void rejectsTheOldDeploymentStrategyKeyAsAKindOfDeployment() {
        // GIVEN the shape before variants: deployment: { strategy: rolling, ... }
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment:
                      strategy: rolling
                      maxPercent: 150
                    user: "1000"
                """);

        // THEN each key is reported once, as a kind of deployment that does not exist, with the shape to write instead
        assertThat(files.problems()).containsExactly(
                "dev.yaml:8:7 services.web.deployment.strategy: 'strategy' is not a kind of deployment; write one of "
                        + "rolling, recreate, blueGreen, canary, linear, codeDeploy, as a map of its settings, e.g. deployment: { rolling: {} }",
                "dev.yaml:9:7 services.web.deployment.maxPercent: 'maxPercent' is not a kind of deployment; write one of "
                        + "rolling, recreate, blueGreen, canary, linear, codeDeploy, as a map of its settings, e.g. deployment: { rolling: {} }");
    }

    @Test
    void rejectsADeploymentThatNamesNoKind() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment: {}
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:17 services.web.deployment: names no kind of deployment; "
                + "write one of rolling, recreate, blueGreen, canary, linear, codeDeploy, e.g. deployment: { rolling: {} }, or leave deployment out for the default");
    }

    @Test
    void rejectsAnUnknownKeyInsideTheChosenDeploymentAndListsThatKindsKeys() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { rolling: { maxPercnt: 150 } }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:30 services.web.deployment.rolling.maxPercnt: unknown "
                + "key; did you mean 'maxPercent'? keys of deployment rolling: minHealthyPercent, maxPercent");
    }

    @Test
    void acceptsAnEmptyRollingDeploymentWithItsDefaults() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { rolling: {} }
                    user: "1000"
                """);

        assertThat(files.load("dev").services().get("web").deployment()).isEqualTo(new RollingDeploymentConfig(100, 200));
    }

    @Test
    void rejectsACpuOfTheOldShapeUnderComputeAsAKindOfCompute() {
        // GIVEN cpu written straight under compute, without the fargate variant around it
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute: { cpu: 512 }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:16 services.web.compute.cpu: 'cpu' is not a kind of "
                + "compute; write one of fargate, as a map of its settings, e.g. compute: { fargate: {} }");
    }

    @Test
    void rejectsTheOldServiceLevelKeysAsUnknownAndListsTheNewOnes() {
        // GIVEN the shape before traffic and compute: loadBalancer and cpu straight under the service
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    loadBalancer: { name: public }
                    cpu: 512
                    user: "1000"
                """);

        // THEN each is reported at its key, and the keys listed are the new ones (the full list grows with each
        // field, so it is not pinned here)
        assertThat(files.problems()).hasSize(2);
        assertThat(files.problems().get(0)).startsWith("dev.yaml:6:5 services.web.loadBalancer: unknown key; allowed keys here: image, ");
        assertThat(files.problems().get(1)).startsWith("dev.yaml:7:5 services.web.cpu: unknown key; allowed keys here: image, ");
        assertThat(files.problems()).allSatisfy(problem -> assertThat(problem).contains(", traffic, ", ", compute, ", ", deployment, ")
                .doesNotContain(" loadBalancer,").doesNotContain(" cpu,"));
    }

    @Test
    void rejectsAServiceWithAnAlbRouteButNoPort() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    user: "1000"
                    traffic:
                      alb:
                        loadBalancer: public
                """);

        // THEN at the service's key, where port must be added, naming the route that needs it
        assertThat(files.problems()).containsExactly("dev.yaml:3:3 services.web.port: is required with traffic.alb "
                + "(dev.yaml:8:9); set it to the port the container listens on, 1 to 65535");
    }

    @Test
    void givesAServiceWithAnAlbRouteTheContainerCheckOfItsRoutesPath() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic:
                      alb:
                        loadBalancer: public
                        healthCheck: { path: /health }
                """);

        assertThat(files.load("dev").services().get("web").healthCheck())
                .isEqualTo(new HealthCheckConfig(HealthCheckConfig.httpCheck(8080, "/health"), 60));
    }

    @Test
    void rejectsFargateMemoryInRangeThatDoesNotMatchCpu() {
        // GIVEN a memory size Fargate has, but not with 256 CPU units
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute: { fargate: { cpu: 256, memory: 4096 } }
                    user: "1000"
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:7:45 services.web.compute.fargate.memory: 4096 is not valid "
                + "with cpu 256 on Fargate; use one of 512, 1024, 2048");
    }

    @Test
    void rejectsACpuBelowEveryFargateSizeWithTheSizes() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute: { fargate: { cpu: 100 } }
                    user: "1000"
                """);

        // THEN the sizes there are, not only the range they span
        assertThat(files.problems()).containsExactly("dev.yaml:7:32 services.web.compute.fargate.cpu: 100 is not a Fargate "
                + "CPU size; use one of 256, 512, 1024, 2048, 4096, 8192, 16384");
    }

    @Test
    void rejectsADeploymentWrittenAsTheNameOfItsKindOnceWithTheShapeToWrite() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment: rolling
                    user: "1000"
                """);

        // THEN one problem, not a second "names no kind of deployment" for the same value
        assertThat(files.problems()).containsExactly("dev.yaml:7:17 services.web.deployment: expected a map, got a string; "
                + "write one of rolling, recreate, blueGreen, canary, linear, codeDeploy, as a map of its settings, e.g. deployment: { rolling: {} }");
    }

    @Test
    void rejectsAListItemThatIsNoMapWithoutLosingTheOtherItemsPlaces() {
        // GIVEN a statement written as a bare action, before a statement that is fine
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    user: "1000"
                    taskRole:
                      statements:
                        - s3:GetObject
                        - actions: [sqs:SendMessage]
                          resources: ["arn:aws:sqs:eu-west-1:123456789012:orders-events"]
                """);

        // THEN the item is reported where it is (no rule looks for statements[0] among the rest)
        assertThat(files.problems()).containsExactly(
                "dev.yaml:10:11 services.web.taskRole.statements[0]: expected a map, got a string");
    }

    @Test
    void rejectsASecretSourceWrittenAsNullOnce() {
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    user: "1000"
                    secrets:
                      DB_PASSWORD: { secretsManager: null }
                """);

        // THEN the null, and not also "needs secretsManager or ssmParameter"
        assertThat(files.problems()).containsExactly("dev.yaml:9:38 services.web.secrets.DB_PASSWORD.secretsManager: "
                + "expected a string, got null 'null'; put it in quotes");
    }

    // ---- several files -------------------------------------------------------------------------

    @Test
    void reportsEveryProblemOfEveryFileInOneExceptionSortedByFileAndLine() {
        // GIVEN a problem in the base file, three in dev.yaml (lines 2, 9 and 10) and one in prod.yaml
        files.base(VALID_BASE + """
                cluster:
                  containerInsights: always
                """);
        files.environment("dev", """
                tier: dev
                region: Ireland
                services:
                  web:
                    image: nginx
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    compute:
                      fargate: { cpu: 256, memory: 300 }
                    user: root
                """);
        files.environment("prod", """
                tier: prod
                network: { maxAzs: 2 }
                """);

        // WHEN
        ConfigException e = files.rejection();

        // THEN one exception carries all five, base file first, then by file and line (10 after 9)
        assertThat(files.lines(e)).containsExactly(
                "base.yaml:7:22 cluster.containerInsights: 'always' is not allowed; use one of enabled, enhanced",
                "dev.yaml:2:9 region: 'Ireland' is not an AWS region; use a region code such as eu-west-1 or us-east-2",
                "dev.yaml:9:36 services.web.compute.fargate.memory: 300 is not valid with cpu 256 on Fargate; use one of 512, 1024, 2048",
                "dev.yaml:10:11 services.web.user: 'root' runs the container as root (ECS.20, CT.ECS.PR.6); use a non-root UID such as 1000",
                "prod.yaml:2:20 network.maxAzs: 2 is too few for prod; prod spreads over 3 availability zones (REL10-BP01)");
        assertThat(files.relative(e.getMessage())).isEqualTo("5 problems in the environment files:\n" + String.join("\n", files.lines(e)));
    }

    @Test
    void reportsAProblemInTheBaseFileOnceNotOncePerEnvironment() {
        files.base(VALID_BASE + """
                ownr: platform
                """);
        files.environment("dev", "tier: dev\n").environment("test", "tier: test\n").environment("prod", "tier: prod\n");

        assertThat(files.problems()).containsExactly("base.yaml:6:1 ownr: unknown key; did you mean 'owner'? allowed "
                + "keys here: tier, account, region, owner, logs, network, cluster, loadBalancers, alarms, services");
    }

    @Test
    void reportsAYamlErrorInTheBaseFileOnceAndStillChecksTheEnvironmentFiles() {
        files.base("owner: [platform\n");
        files.environment("dev", "tier: dev\n").environment("prod", "tier: prod\nnetwork: {maxAzs: 2\n");

        assertThat(files.problems()).satisfiesExactly(
                base -> assertThat(base).startsWith("base.yaml:2:1 not valid YAML: "),
                prod -> assertThat(prod).startsWith("prod.yaml:3:1 not valid YAML: "));
    }

    @Test
    void pointsAtTheFileThatSuppliedTheMergedValue() {
        // GIVEN the service's port comes from the base file and its cpu from the environment file
        files.base(VALID_BASE + """
                services:
                  web:
                    image: nginx
                    port: 70000
                    traffic: { alb: { loadBalancer: public } }
                    user: "1000"
                """);
        files.environment("dev", """
                tier: dev
                services:
                  web:
                    compute: { fargate: { cpu: 100 } }
                    user: "1000"
                """);

        // THEN each problem names the file and line where the value is written
        assertThat(files.problems()).containsExactly(
                "base.yaml:9:11 services.web.port: 70000 is out of range; use an integer from 1 to 65535",
                "dev.yaml:4:32 services.web.compute.fargate.cpu: 100 is not a Fargate CPU size; use one of 256, 512, 1024, 2048, 4096, 8192, 16384");
    }

    @Test
    void reportsABaseValueOnlyProdRejectsOnceAtTheBaseFile() {
        // GIVEN a base value that only prod rejects
        files.base(VALID_BASE + """
                network:
                  maxAzs: 2
                """);
        files.environment("dev", "tier: dev\n").environment("prod", "tier: prod\n");

        // THEN it is reported once, at the base file's line, with prod's reason
        assertThat(files.problems()).containsExactly(
                "base.yaml:7:11 network.maxAzs: 2 is too few for prod; prod spreads over 3 availability zones (REL10-BP01)");
    }

    @Test
    void rejectsAnEmptyEnvironmentsDirectory() {
        files.withoutBase();

        ConfigException e = files.rejection();

        assertThat(e.problems()).singleElement().extracting(ConfigProblem::message).asString()
                .isEqualTo("no environment files found; add one such as " + directory.resolve("dev.yaml"));
    }

    /** UTF-8 text and single raw bytes, in order: {@code bytes("a: ", 0xE9, "\n")}. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
