package dev.ecsplatform.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every rule the annotations of the config records cannot say: values checked against a table or each other,
 * prod's minimums, the combinations of a service's traffic, compute and deployment, and the rules across
 * services and load balancers. Runs on the bound configuration after {@link RecordBinder}; a rule whose input
 * binding already reported is skipped, so one mistake is reported once. Nothing here throws.
 */
final class EnvironmentRules {

    /** Environment, service and load balancer names become parts of stack names, target group names and tags. */
    static final Pattern NAME = Pattern.compile(CommonFieldValues.NAME);
    /** The shape of a region code (eu-west-1, us-gov-west-1, eusc-de-east-1); which ones exist is {@link AwsRegions}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+){1,2}-\\d{1,2}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    /**
     * Checklist item 14 (AwsSolutions-ECS2, ECS.8, CT.ECS.PR.12): secrets never travel as plain environment
     * variables. The checklist's words (secret, password, token, key) taken literally, so any name containing
     * "key" is rejected, plus passwd and credential.
     */
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(secret|password|passwd|token|key|credential).*");
    private static final Set<String> FORBIDDEN_ENV = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA");
    /** An AWS access key ID (long-term AKIA, temporary ASIA, and the other documented prefixes), anywhere in a value. */
    private static final Pattern AWS_ACCESS_KEY_ID =
            Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])");
    /**
     * A URL with a password in its user info ({@code postgres://app:hunter2@db:5432/app}); the password
     * stops at / ? # so that {@code https://host:8443/path@x} (a port, then a path) is not one.
     */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#@:]*:[^\\s/?#@]+@");
    /** What to do instead of a secret in a plain variable; every secret-related message ends with it. */
    private static final String SECRET_ADVICE = "plain environment variables end up in the task definition for anyone "
            + "with ecs:DescribeTaskDefinition to read (ECS.8). Keep secrets in Secrets Manager or SSM Parameter Store and "
            + "reference them under the service's secrets";
    /**
     * The tag value rule of ECS and most AWS services (letters, digits and spaces in UTF-8, and + - = . _ : / @;
     * the Tagging API's {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}); owner is written as a tag on every resource.
     */
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}+=._:/@-]*");
    private static final int MAX_TAG_VALUE_LENGTH = 256;
    private static final String ARN_REGION = "[a-z]{2,4}(-[a-z]+){1,2}-\\d{1,2}";
    private static final Pattern SECRETS_MANAGER_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern SECRETS_MANAGER_ARN =
            Pattern.compile("arn:aws[a-z-]*:secretsmanager:" + ARN_REGION + ":\\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern SSM_PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_./-]{1,2048}");
    private static final Pattern SSM_PARAMETER_ARN =
            Pattern.compile("arn:aws[a-z-]*:ssm:" + ARN_REGION + ":\\d{12}:parameter/[A-Za-z0-9_./-]{1,2048}");
    /** The shape {@link TaskRoleConfig#managedPolicies()} accepts ({@code @Matches}); only such ARNs have an account part. */
    private static final Pattern MANAGED_POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:" + ARN_REGION + ":\\d{12}:key/[A-Za-z0-9-]{1,128}");
    /** The shortest reason accepted for a wildcard: long enough that it has to say something. */
    static final int MIN_WILDCARD_REASON_LENGTH = 20;
    /**
     * Subnets are 4 bits smaller than the VPC (see Network.subnetTiers), and an ALB needs subnets of /27 or
     * larger (with 8 free addresses): a /23 VPC gives /27 subnets, a /24 would give /28s.
     */
    private static final int MIN_VPC_PREFIX = 16;
    private static final int MAX_VPC_PREFIX = 23;
    /** AWS Control Tower CT.CLOUDWATCH.PR.2: log groups keep logs for at least a year. */
    private static final int PROD_MIN_RETENTION_DAYS = 365;
    /** ALB: at most 5 condition values per listener rule. */
    private static final int MAX_RULE_VALUES = 5;
    private static final String NAME_RULE = "use " + CommonFieldValues.NAME_ALLOWED;

    private final BoundFields fields;
    private final List<ConfigProblem> problems;

    EnvironmentRules(BoundFields fields, List<ConfigProblem> problems) {
        this.fields = fields;
        this.problems = problems;
    }

    void check(EnvironmentConfig environment, Location fileStart) {
        if (!NAME.matcher(environment.name()).matches()) {
            problems.add(new ConfigProblem(fileStart, "", "the file name '" + environment.name() + "' is not a valid "
                    + "environment name; " + NAME_RULE));
        }
        Tier tier = environment.tier();
        checkRegion(environment.region());
        checkOwner(environment.owner());
        checkRetention("logs.retentionDays", environment.logs().retentionDays(), tier);
        checkNetwork(environment.network(), tier, environment);
        checkAlarmEmails(environment.alarms().notifications());
        environment.loadBalancers().forEach((name, loadBalancer) -> checkLoadBalancer("loadBalancers." + name, loadBalancer, environment));
        // The map is unordered; the rules run in file order so that "already used by" names the first service.
        ordered(environment.services(), "services").forEach((name, service) -> {
            new ServiceRules("services." + name, service, environment).check();
        });
        checkRoutePriorities(environment);
        checkRouteOverlaps(environment);
        checkListenerPorts(environment);
        checkConnectNames(environment);
        checkHostRecords(environment);
        checkFamilies(environment);
    }

    /** Entries of a bound map in the order the files wrote them (the records hold immutable, unordered maps). */
    private <V> Map<String, V> ordered(Map<String, V> map, String path) {
        Map<String, V> ordered = new LinkedHashMap<>();
        map.keySet().stream().sorted((a, b) -> fields.location(path + "." + a).compareTo(fields.location(path + "." + b)))
                .forEach(key -> ordered.put(key, map.get(key)));
        return ordered;
    }

    private void checkRegion(String region) {
        if (!fields.valid("region") || AwsRegions.names().contains(region)) {
            return;
        }
        if (!REGION.matcher(region).matches()) {
            fields.problem("region", "'" + region + "' is not an AWS region; use a region code such as eu-west-1 or us-east-2");
            return;
        }
        fields.problem("region", "'" + region + "' is not an AWS region; "
                + AwsRegions.closest(region).map(r -> "did you mean " + r + "? Regions: ").orElse("regions: ")
                + String.join(", ", AwsRegions.like(region)));
    }

    private void checkOwner(String owner) {
        if (!fields.valid("owner")) {
            return;
        }
        int length = owner.codePointCount(0, owner.length());
        if (length > MAX_TAG_VALUE_LENGTH) {
            fields.problem("owner", "is " + length + " characters long; use at most " + MAX_TAG_VALUE_LENGTH
                    + ", the longest tag value AWS accepts (owner is written as a tag on every resource)");
        } else if (!TAG_VALUE.matcher(owner).matches()) {
            fields.problem("owner", "'" + owner + "' cannot be a tag value; use letters, digits, spaces and + - = . _ : / @ "
                    + "(owner is written as a tag on every resource)");
        }
    }

    /** Only a value written in the files is reported; a default that follows another field is reported there. */
    private void checkRetention(String path, int days, Tier tier) {
        if (tier.isProduction() && fields.written(path) && fields.valid(path) && days < PROD_MIN_RETENTION_DAYS) {
            fields.problem(path, days + " is too short for prod; prod keeps logs at least " + PROD_MIN_RETENTION_DAYS
                    + " days (AWS Control Tower CT.CLOUDWATCH.PR.2 requires a year)");
        }
    }

    private void checkNetwork(NetworkConfig network, Tier tier, EnvironmentConfig environment) {
        checkEndpointsOnce(network);
        checkRetention("network.flowLogRetentionDays", network.flowLogRetentionDays(), tier);
        if (network.existing().isPresent()) {
            checkExistingNetwork(network, network.existing().get(), tier, environment);
            return;
        }
        if (fields.valid("network.cidr")) {
            checkCidr("network.cidr", network.cidr(), true);
        }
        if (tier.isProduction() && fields.valid("network.maxAzs") && network.maxAzs() < 3) {
            fields.problem("network.maxAzs", network.maxAzs() + " is too few for prod; prod spreads over 3 availability zones (REL10-BP01)");
        }
        checkEgress(network, tier);
        checkSubnetPrefix(network);
    }

    private void checkEndpointsOnce(NetworkConfig network) {
        if (fields.valid("network.endpoints")) {
            Set<VpcEndpoint> seen = new HashSet<>();
            network.endpoints().stream().filter(endpoint -> !seen.add(endpoint)).distinct().forEach(endpoint ->
                    fields.problem("network.endpoints", "'" + endpoint.yamlName() + "' is listed twice; list each endpoint once"));
        }
    }

    /**
     * An existing VPC given by IDs (ADR 0011): none of the keys that shape a created VPC, each subnet once and in the
     * region, one subnet per zone and tier (load balancers and interface endpoints take one per zone), prod's three
     * zones for the tasks, and the route tables the S3 gateway endpoint adds its route to.
     */
    private void checkExistingNetwork(NetworkConfig network, ExistingNetworkConfig existing, Tier tier, EnvironmentConfig environment) {
        String key = "network.existing";
        for (String createOnly : NetworkConfig.CREATE_ONLY_KEYS) {
            if (fields.written("network." + createOnly)) {
                fields.problem("network." + createOnly, "shapes a VPC the product creates, but network.existing ("
                        + fields.location(key) + ") uses one that exists" + (createOnly.equals("cidr")
                        ? "; write the existing VPC's CIDR as network.existing.cidr instead" : "; remove " + createOnly));
            }
        }
        if (fields.valid(key + ".cidr")) {
            checkCidr(key + ".cidr", existing.cidr(), false);
        }
        Map<String, String> firstUse = new HashMap<>();
        Map<String, List<ExistingSubnetConfig>> tiers = new LinkedHashMap<>();
        tiers.put("privateSubnets", existing.privateSubnets());
        tiers.put("publicSubnets", existing.publicSubnets());
        tiers.put("isolatedSubnets", existing.isolatedSubnets());
        tiers.forEach((name, subnets) -> {
            Map<String, String> zoneUse = new HashMap<>();
            for (int i = 0; i < subnets.size(); i++) {
                String item = key + "." + name + "[" + i + "]";
                ExistingSubnetConfig subnet = subnets.get(i);
                if (fields.valid(item + ".id")) {
                    String earlier = firstUse.putIfAbsent(subnet.id(), item);
                    if (earlier != null) {
                        fields.problem(item + ".id", "'" + subnet.id() + "' is already listed as " + earlier + " ("
                                + fields.location(earlier + ".id") + "); list each subnet once, in one tier");
                    }
                }
                String zone = item + ".availabilityZone";
                if (!fields.valid(zone) || !fields.valid("region")) {
                    continue;
                }
                String az = subnet.availabilityZone();
                if (!az.matches(Pattern.quote(environment.region()) + "[a-z]")) {
                    fields.problem(zone, "'" + az + "' is not a zone of the environment's region " + environment.region()
                            + "; use the subnet's zone name, e.g. " + environment.region() + "a");
                    continue;
                }
                String sameZone = zoneUse.putIfAbsent(az, item);
                if (sameZone != null) {
                    fields.problem(zone, az + " already has a subnet in " + key + "." + name + " (" + sameZone + ", "
                            + fields.location(sameZone + ".availabilityZone") + "); give one subnet per zone in each tier: "
                            + "load balancers and interface endpoints take one subnet per zone");
                }
            }
        });
        String privateKey = key + ".privateSubnets";
        if (tier.isProduction() && fields.valid(privateKey) && !existing.privateSubnets().isEmpty()) {
            List<String> zones = zones(existing.privateSubnets());
            if (zones.size() < 3) {
                fields.problem(privateKey, "has subnets in " + zones.size() + " availability zone" + (zones.size() == 1 ? "" : "s")
                        + " (" + String.join(", ", zones) + "); prod runs its tasks in at least 3, so losing one zone leaves "
                        + "two thirds of capacity (REL10-BP01)");
            }
        }
        if (network.endpoints().contains(VpcEndpoint.S3) && fields.valid("network.endpoints")) {
            List<ExistingSubnetConfig> subnets = existing.privateSubnets();
            for (int i = 0; i < subnets.size(); i++) {
                String routeTable = privateKey + "[" + i + "].routeTableId";
                if (subnets.get(i).routeTableId().isEmpty() && fields.valid(privateKey + "[" + i + "]")) {
                    fields.problem(routeTable, "is required with the s3 endpoint (network.endpoints, "
                            + fields.location("network.endpoints") + "): its gateway adds a route to the route table of each "
                            + "subnet the tasks run in; give the subnet's route table ID, e.g. rtb-0123456789abcdef0");
                }
            }
        }
    }

    /** The distinct availability zones of {@code subnets}, in order. */
    private static List<String> zones(List<ExistingSubnetConfig> subnets) {
        return subnets.stream().map(ExistingSubnetConfig::availabilityZone).distinct().toList();
    }

    /**
     * Prod keeps private subnets with a NAT gateway in every AZ (REL10-BP01, Security Hub EC2.15/CT.ECS.PR.9: no
     * public IPs on tasks); a NAT instance is a single instance to patch, and public IPs expose every task's address.
     */
    private void checkEgress(NetworkConfig network, Tier tier) {
        if (!fields.valid("network.egress")) {
            return;
        }
        if (network.egress() instanceof NatGatewaysConfig gateways) {
            String count = "network.egress.natGateways.count";
            if (!fields.valid(count) || !fields.valid("network.maxAzs")) {
                return;
            }
            if (gateways.count() > network.maxAzs()) {
                fields.problem(count, gateways.count() + " is more than maxAzs (" + network.maxAzs() + "); use 1 to "
                        + network.maxAzs());
            } else if (tier.isProduction() && gateways.count() < network.maxAzs()) {
                fields.problem(count, gateways.count() + " is too few for prod; prod keeps a NAT gateway in each of its "
                        + network.maxAzs() + " AZs, so an AZ outage does not cut the other AZs' tasks off the internet "
                        + "(REL10-BP01). Remove the key");
            }
        } else if (network.egress() instanceof NatInstanceConfig && tier.isProduction()) {
            fields.problem("network.egress.natInstance", "is not allowed in prod; a NAT instance is a single EC2 instance in "
                    + "one AZ, patched only by redeploying, and when it fails every task loses the internet. Prod keeps a "
                    + "NAT gateway per AZ: remove network.egress");
        } else if (network.egress() instanceof PublicIpsConfig && tier != Tier.DEV) {
            fields.problem("network.egress.publicIps", "is for dev only; " + tier.yamlName() + " tasks run in private "
                    + "subnets without public IPs (Security Hub ECS.2, Control Tower CT.ECS.PR.9, which dev alone excepts), "
                    + "behind NAT: " + (tier.isProduction() ? "remove network.egress" : "use natGateways or natInstance"));
        }
    }

    /** The subnets of every tier in every AZ must fit in the VPC; CDK would otherwise fail the synth without a line number. */
    private void checkSubnetPrefix(NetworkConfig network) {
        String key = "network.subnetPrefix";
        if (!fields.valid(key) || !fields.valid("network.cidr") || !fields.valid("network.maxAzs")
                || !CIDR.matcher(network.cidr()).matches()) {
            return;
        }
        int vpcPrefix = network.vpcPrefix();
        int subnetPrefix = network.subnetPrefix();
        String reported = fields.written(key) ? key : "network.cidr";
        if (subnetPrefix <= vpcPrefix) {
            fields.problem(reported, "/" + subnetPrefix + " subnets do not fit in a /" + vpcPrefix + " VPC; use a prefix from /"
                    + (vpcPrefix + 1) + " to /27 (longer is smaller)");
            return;
        }
        int tiers = network.isolatedSubnets() ? 3 : 2;
        int subnets = tiers * network.maxAzs();
        long needed = subnets * (1L << (32 - subnetPrefix));
        long available = 1L << (32 - vpcPrefix);
        if (needed > available) {
            int largest = vpcPrefix + (int) Math.ceil(Math.log(subnets) / Math.log(2));
            fields.problem(reported, tiers + " tiers x " + network.maxAzs() + " AZs = " + subnets + " subnets of /" + subnetPrefix
                    + " need " + needed + " addresses, but the /" + vpcPrefix + " VPC has " + available + "; use /" + largest
                    + " or longer, or a larger VPC");
        }
    }

    /**
     * A VPC's CIDR block: a created VPC's prefix is limited to what its subnets of VPC prefix + 4 allow; an existing
     * VPC's to what a VPC can be (/16 to /28).
     */
    /**
     * In an existing VPC a load balancer needs the tier its scheme places it in: internet-facing the public subnets
     * (a route to an internet gateway), internal the private ones; an application load balancer needs two zones.
     */
    private void checkExistingSubnetsOf(String path, LoadBalancerConfig loadBalancer, ExistingNetworkConfig existing) {
        if (!fields.valid(path + ".scheme") || !fields.valid(path + ".type")) {
            return;
        }
        boolean internetFacing = loadBalancer.scheme() == LoadBalancerScheme.INTERNET_FACING;
        String tier = internetFacing ? "publicSubnets" : "privateSubnets";
        String tierKey = "network.existing." + tier;
        if (!fields.valid(tierKey)) {
            return;
        }
        List<ExistingSubnetConfig> subnets = internetFacing ? existing.publicSubnets() : existing.privateSubnets();
        String reported = fields.written(path + ".scheme") ? path + ".scheme" : path;
        String scheme = loadBalancer.scheme().yamlName();
        if (subnets.isEmpty()) {
            fields.problem(reported, scheme + " needs public subnets (with a route to an internet gateway), and "
                    + "network.existing (" + fields.location("network.existing") + ") lists no publicSubnets; add the VPC's "
                    + "public subnets, or make the load balancer internal");
            return;
        }
        List<String> zones = zones(subnets);
        if (loadBalancer.type() == LoadBalancerType.APPLICATION && zones.size() < 2) {
            fields.problem(reported, "an application load balancer needs subnets in at least 2 availability zones, and "
                    + tierKey + ", where an " + scheme + " one goes, has " + zones.size() + " (" + String.join(", ", zones)
                    + "); add a subnet in another zone");
        }
    }

    private void checkCidr(String key, String cidr, boolean created) {
        Optional<Ipv4Block> block = Ipv4Block.parse(cidr);
        if (block.isEmpty()) {
            fields.problem(key, "'" + cidr + "' is not an IPv4 CIDR block; write it like 10.0.0.0/16");
            return;
        }
        int prefix = block.get().prefix();
        if (!created && (prefix < 16 || prefix > 28)) {
            fields.problem(key, "a VPC's CIDR block is /16 to /28, not /" + prefix + "; write the VPC's primary CIDR block "
                    + "as the VPC console shows it");
            return;
        }
        if (created && (prefix < MIN_VPC_PREFIX || prefix > MAX_VPC_PREFIX)) {
            fields.problem(key, "a /" + prefix + " VPC is not supported; use a prefix from /16 (65,536 addresses) "
                    + "to /23: subnets are 4 bits smaller than the VPC and an ALB needs subnets of /27 or larger");
            return;
        }
        checkHostBits(key, cidr, block.get());
    }

    private void checkLoadBalancer(String path, LoadBalancerConfig loadBalancer, EnvironmentConfig environment) {
        Tier tier = environment.tier();
        if (tier.isProduction() && fields.written(path + ".deletionProtection") && !loadBalancer.deletionProtection()) {
            fields.problem(path + ".deletionProtection", "false is not allowed in prod; a prod load balancer must not be "
                    + "deletable by a stray stack update (ELB.6). Remove the key");
        }
        if (loadBalancer.type() == LoadBalancerType.NETWORK) {
            // What a network load balancer does per listener lives with each service's listener (traffic.nlb).
            for (String key : List.of("httpPort", "httpsPort", "certificates", "tlsPolicy", "webAcl", "idleTimeoutSeconds", "hostedZone",
                    "testListener")) {
                if (fields.writtenOtherThanDefault(path + "." + key)) {
                    fields.problem(path + "." + key, "is a setting of application load balancers; a network load balancer "
                            + "has a listener per service, whose port, protocol and certificates are set under "
                            + "services.<name>.traffic.nlb" + (key.equals("webAcl") ? " (and AWS WAF cannot protect one)" : ""));
                }
            }
        }
        environment.network().existing().ifPresent(existing -> checkExistingSubnetsOf(path, loadBalancer, existing));
        if (loadBalancer.scheme() == LoadBalancerScheme.INTERNAL && environment.network().existing().isEmpty()
                && environment.network().egress() instanceof PublicIpsConfig
                && fields.valid(path + ".scheme") && fields.valid("network.egress")) {
            fields.problem(path + ".scheme", "internal needs private subnets, and network.egress publicIps ("
                    + fields.location("network.egress") + ") creates none; use natGateways or natInstance egress, or an "
                    + "internet-facing load balancer narrowed with allowFrom");
        }
        String certificates = path + ".certificates";
        if (tier.isProduction() && loadBalancer.type() == LoadBalancerType.APPLICATION && fields.valid(certificates)
                && loadBalancer.certificates().isEmpty()) {
            fields.problem(certificates, "is required in prod: prod serves HTTPS only, so give the ACM certificate ARNs "
                    + "of the load balancer's host names (arn:aws:acm:" + environment.region() + ":" + environment.account()
                    + ":certificate/<id>); plain HTTP is for dev and test");
        }
        checkCertificates(certificates, loadBalancer.certificates(), environment);
        if (loadBalancer.https() && loadBalancer.httpPort() == loadBalancer.httpsPort()) {
            fields.problem(path + (fields.written(path + ".httpsPort") ? ".httpsPort" : ".httpPort"), "the HTTP and HTTPS "
                    + "listeners cannot share port " + loadBalancer.httpPort() + "; give each its own (80 and 443 by default)");
        }
        loadBalancer.testListener().ifPresent(test -> {
            String key = path + ".testListener";
            if (fields.valid(key + ".port") && (test.port() == loadBalancer.httpPort()
                    || loadBalancer.https() && test.port() == loadBalancer.httpsPort())) {
                fields.problem(key + ".port", test.port() + " is already a port of this load balancer's listeners; give the "
                        + "test listener its own, e.g. 8443");
            }
            checkTestListenerSources(key, test);
        });
        String allowFrom = path + ".allowFrom";
        if (fields.valid(allowFrom)) {
            if (loadBalancer.allowFrom().isEmpty()) {
                fields.problem(allowFrom, loadBalancer.scheme() == LoadBalancerScheme.INTERNET_FACING
                        ? "is required for an internet-facing load balancer: say who may connect, [0.0.0.0/0] for the whole "
                        + "internet or the CIDR blocks and prefix lists of your clients (nothing is open to the world unless "
                        + "the environment says so)"
                        : "must not be empty; an internal load balancer admits the VPC's CIDR unless this says otherwise");
            }
            loadBalancer.allowFrom().stream().filter(source -> !source.startsWith("pl-"))
                    .forEach(cidr -> checkSourceBlock(allowFrom, cidr));
        }
        loadBalancer.webAcl().filter(arn -> fields.valid(path + ".webAcl")).ifPresent(arn -> checkOwnAccountAndRegion(
                path + ".webAcl", arn, "a web ACL", environment,
                "a regional web ACL protects only resources of its own account and region"));
    }

    private void checkCertificates(String path, List<String> certificates, EnvironmentConfig environment) {
        if (!fields.valid(path)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String certificate : certificates) {
            if (!seen.add(certificate)) {
                fields.problem(path, "'" + certificate + "' is listed twice");
            } else {
                checkOwnAccountAndRegion(path, certificate, "an ACM certificate", environment,
                        "ACM certificates are regional and a load balancer can use only its own account's");
            }
        }
    }

    /** An ARN whose region and account (its 4th and 5th fields) must be the environment's own. */
    private void checkOwnAccountAndRegion(String path, String arn, String what, EnvironmentConfig environment, String why) {
        String[] parts = arn.split(":");
        if (fields.valid("region") && !parts[3].equals(environment.region())) {
            fields.problem(path, "'" + arn + "' is " + what + " in " + parts[3] + ", not in the environment's region "
                    + environment.region() + "; " + why);
        } else if (fields.valid("account") && !parts[4].equals(environment.account())) {
            fields.problem(path, "'" + arn + "' is " + what + " of account " + parts[4] + ", not of the environment's account "
                    + environment.account() + "; " + why);
        }
    }

    /** A client source CIDR block (its shape is checked by the record's pattern) with numbers in range and no host bits. */
    private void checkSourceBlock(String path, String cidr) {
        if (!CIDR.matcher(cidr).matches()) {
            return;
        }
        Optional<Ipv4Block> block = Ipv4Block.parse(cidr);
        if (block.isEmpty()) {
            fields.problem(path, "'" + cidr + "' is not an IPv4 CIDR block; each of the four numbers is 0 to 255");
        } else if (block.get().prefix() > 32) {
            fields.problem(path, "'" + cidr + "' has a /" + block.get().prefix() + " prefix; use /0 to /32");
        } else {
            checkHostBits(path, cidr, block.get());
        }
    }

    private void checkHostBits(String path, String cidr, Ipv4Block block) {
        if (block.network() != block.address()) {
            long network = block.network();
            fields.problem(path, "'" + cidr + "' has host bits set; the network address of this block is "
                    + ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                    + (network & 255) + "/" + block.prefix());
        }
    }

    /** An IPv4 address and prefix length, parsed once for every CIDR rule. */
    private record Ipv4Block(long address, int prefix) {

        /** The block written as a.b.c.d/n with every number 0 to 255; empty otherwise. */
        static Optional<Ipv4Block> parse(String cidr) {
            var matcher = CIDR.matcher(cidr);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            long address = 0;
            for (int group = 1; group <= 4; group++) {
                int octet = Integer.parseInt(matcher.group(group));
                if (octet > 255) {
                    return Optional.empty();
                }
                address = (address << 8) | octet;
            }
            return Optional.of(new Ipv4Block(address, Integer.parseInt(matcher.group(5))));
        }

        /** The address with its host bits cleared (for a prefix up to 32). */
        long network() {
            return prefix >= 32 ? address : address & ~((1L << (32 - prefix)) - 1);
        }
    }

    /** Listener rule priorities are unique per listener; CloudFormation would fail mid-deploy otherwise. */
    private void checkRoutePriorities(EnvironmentConfig environment) {
        Map<String, List<String>> servicesByLoadBalancer = new LinkedHashMap<>();
        ordered(environment.services(), "services").forEach((name, service) -> service.traffic().alb().ifPresent(route ->
                servicesByLoadBalancer.computeIfAbsent(route.loadBalancer(), k -> new ArrayList<>()).add(name)));
        servicesByLoadBalancer.forEach((lb, names) -> {
            if (lb.isEmpty() || names.size() < 2) {
                return;
            }
            Map<Integer, String> owners = new HashMap<>();
            for (String name : names) {
                String path = "services." + name + ".traffic.alb.priority";
                if (!fields.written(path)) {
                    fields.problem(path, "is required when several services share load balancer '" + lb + "' ("
                            + String.join(", ", names) + "); give each a unique priority from 1 to 50000");
                    continue;
                }
                int priority = environment.services().get(name).traffic().alb().orElseThrow().priority();
                String other = owners.putIfAbsent(priority, name);
                if (other != null) {
                    fields.problem(path, priority + " is already used by service '" + other + "' on load balancer '" + lb
                            + "'; priorities must be unique per load balancer");
                }
            }
        });
    }

    /**
     * Two services on one load balancer that match the same path for the same host (or both for any host): the
     * rule with the lower priority takes every such request, so the other service never sees one.
     */
    private void checkRouteOverlaps(EnvironmentConfig environment) {
        List<String> seen = new ArrayList<>();
        ordered(environment.services(), "services").forEach((name, service) -> service.traffic().alb().ifPresent(route -> {
            for (String other : seen) {
                AlbRouteConfig otherRoute = environment.services().get(other).traffic().alb().orElseThrow();
                if (!otherRoute.loadBalancer().equals(route.loadBalancer())) {
                    continue;
                }
                Optional<String> path = route.paths().stream().filter(otherRoute.paths()::contains).findFirst();
                boolean anyHost = route.hosts().isEmpty() && otherRoute.hosts().isEmpty();
                Optional<String> host = route.hosts().stream().filter(otherRoute.hosts()::contains).findFirst();
                // A route for any host that wins over a route for some hosts on the same path takes all of theirs too;
                // the other way round is a deliberate override for those hosts.
                AlbRouteConfig anyHostRoute = route.hosts().isEmpty() ? route : otherRoute;
                AlbRouteConfig someHostsRoute = anyHostRoute == route ? otherRoute : route;
                if (path.isPresent() && !anyHost && host.isEmpty() && route.hosts().isEmpty() != otherRoute.hosts().isEmpty()
                        && anyHostRoute.priority() < someHostsRoute.priority()) {
                    fields.problem("services." + name + ".traffic.alb.paths", "'" + path.get() + "' for any host (service '"
                            + (anyHostRoute == route ? name : other) + "', priority " + anyHostRoute.priority() + ") takes "
                            + "every request for " + String.join(", ", someHostsRoute.hosts()) + " from service '"
                            + (someHostsRoute == route ? name : other) + "' (priority " + someHostsRoute.priority() + ") on load "
                            + "balancer '" + route.loadBalancer() + "'; give the host-specific route the lower priority number");
                } else if (path.isPresent() && (anyHost || host.isPresent())) {
                    String where = "services." + name + ".traffic.alb.paths";
                    fields.problem(where, "'" + path.get() + "' " + (anyHost ? "for any host" : "for host " + host.get())
                            + " is also routed to service '" + other + "' (" + fields.location("services." + other
                            + ".traffic.alb.paths") + ") on load balancer '" + route.loadBalancer() + "'; the rule with the "
                            + "lower priority would take every such request, so give the two services different paths or hosts");
                }
            }
            seen.add(name);
        }));
    }

    /** One alias record per host and zone: two load balancers cannot both answer for one name. */
    private void checkHostRecords(EnvironmentConfig environment) {
        Map<String, String> owners = new HashMap<>();
        ordered(environment.services(), "services").forEach((name, service) -> service.traffic().alb().ifPresent(route -> {
            LoadBalancerConfig loadBalancer = environment.loadBalancers().get(route.loadBalancer());
            if (loadBalancer == null || loadBalancer.hostedZone().isEmpty()) {
                return;
            }
            for (String host : route.hosts()) {
                String key = loadBalancer.hostedZone().get().id() + " " + host.toLowerCase(java.util.Locale.ROOT);
                String other = owners.putIfAbsent(key, route.loadBalancer());
                if (other != null && !other.equals(route.loadBalancer())) {
                    fields.problem("services." + name + ".traffic.alb.hosts", "'" + host + "' already gets its alias record "
                            + "for load balancer '" + other + "' in hosted zone " + loadBalancer.hostedZone().get().name()
                            + "; a name can point at one load balancer, so route this host there or use another name");
                }
            }
        }));
    }

    /** Service Connect names are one namespace: two services with one name would take each other's clients. */
    private void checkConnectNames(EnvironmentConfig environment) {
        Map<String, String> owners = new HashMap<>();
        ordered(environment.services(), "services").forEach((name, service) -> service.traffic().connect().ifPresent(connect -> {
            String other = owners.putIfAbsent(connect.name(), name);
            if (other != null) {
                fields.problem("services." + name + ".traffic.connect.name", "'" + connect.name() + "' is already the "
                        + "Service Connect name of service '" + other + "'; give each service its own");
            }
        }));
    }

    /** One subscription per address: a second would be a second construct of the same name, and a second email. */
    private void checkAlarmEmails(AlarmNotificationsConfig notifications) {
        String key = "alarms.notifications.emails";
        if (fields.valid(key)) {
            Set<String> seen = new HashSet<>();
            notifications.emails().stream().filter(email -> !seen.add(email.toLowerCase(java.util.Locale.ROOT))).distinct()
                    .forEach(email -> fields.problem(key, "'" + email + "' is listed twice; list each address once"));
        }
    }

    /** A test listener serves versions not yet released: never to the whole internet. */
    private void checkTestListenerSources(String key, TestListenerConfig test) {
        if (fields.valid(key + ".allowFrom")) {
            if (test.allowFrom().contains("0.0.0.0/0")) {
                fields.problem(key + ".allowFrom", "must not be 0.0.0.0/0: a test listener serves versions not yet "
                        + "released; list the CIDR blocks or prefix lists of your testers");
            }
            test.allowFrom().stream().filter(source -> !source.startsWith("pl-"))
                    .forEach(cidr -> checkSourceBlock(key + ".allowFrom", cidr));
        }
    }

    /** A network load balancer has one listener per port, test listeners included; a second would fail mid-deploy. */
    private void checkListenerPorts(EnvironmentConfig environment) {
        Map<String, String> owners = new HashMap<>();
        ordered(environment.services(), "services").forEach((name, service) -> service.traffic().nlb().ifPresent(listener -> {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("services." + name + ".traffic.nlb.port", listener.port());
            listener.testListener().ifPresent(test -> ports.put("services." + name + ".traffic.nlb.testListener.port", test.port()));
            ports.forEach((path, port) -> {
                String owner = path.endsWith("testListener.port") ? "test listener port of service '" + name + "'"
                        : "listener port of service '" + name + "'";
                String other = owners.putIfAbsent(listener.loadBalancer() + ":" + port, owner);
                if (other != null && fields.valid(path)) {
                    fields.problem(path, port + " is already the " + other + " on load balancer '" + listener.loadBalancer()
                            + "'; a network load balancer has one listener per port, so give each listener its own");
                }
            });
            listener.testListener().ifPresent(test -> checkTestListenerSources("services." + name + ".traffic.nlb.testListener", test));
        }));
    }

    /** Two services with one family would interleave their revisions, and each deploy would replace the other's. */
    private void checkFamilies(EnvironmentConfig environment) {
        Map<String, String> owners = new HashMap<>();
        ordered(environment.services(), "services").forEach((name, service) -> {
            String other = owners.putIfAbsent(service.family(), name);
            if (other != null) {
                // Reported where a family is written: a default is not what the user has to change.
                boolean here = fields.written("services." + name + ".family") || !fields.written("services." + other + ".family");
                fields.problem("services." + (here ? name : other) + ".family", "'" + service.family() + "' is already the "
                        + "family of service '" + (here ? other : name) + "'; give each service its own task definition family");
            }
        });
    }

    /** The rules of one service. */
    private final class ServiceRules {

        private final String path;
        private final ServiceConfig service;
        private final EnvironmentConfig environment;

        ServiceRules(String path, ServiceConfig service, EnvironmentConfig environment) {
            this.path = path;
            this.service = service;
            this.environment = environment;
        }

        private String at(String key) {
            return path + "." + key;
        }

        void check() {
            checkImage();
            checkUser();
            checkWritablePaths();
            checkEnvironmentVariables();
            checkSecrets();
            checkTaskRole();
            checkCommand();
            checkPortForTraffic();
            service.traffic().alb().ifPresent(this::checkAlbRoute);
            service.traffic().nlb().ifPresent(this::checkNlbListener);
            checkSecurityGroups();
            checkSubnets();
            service.traffic().connect().ifPresent(connect -> {
                String key = at("traffic.connect");
                if (!environment.cluster().serviceConnect()) {
                    fields.problem(key, "needs Service Connect in the cluster: set cluster.serviceConnect: true (every service "
                            + "then joins the namespace as a client), or reach this service through a load balancer");
                }
            });
            checkCompute();
            checkDeployment();
            checkScaling();
            checkAlarms();
        }

        private void checkImage() {
            if (!fields.valid(at("image"))) {
                return;
            }
            String image = service.image();
            ImageReference reference = ImageReference.parse(image);
            if (reference.digest().isPresent() && !ImageReference.SHA256_DIGEST.matcher(reference.digest().get()).matches()) {
                fields.problem(at("image"), "'" + image + "' has a digest that is not sha256: followed by 64 lower-case hex "
                        + "digits; copy the digest from the registry, e.g. with docker buildx imagetools inspect");
                return;
            }
            if (environment.tier().isProduction() && !service.allowUnpinnedImage() && !reference.isPinned()) {
                fields.problem(at("image"), "'" + image + "' " + (reference.tag().isPresent() ? "uses the latest tag"
                        : "has no tag, which means latest") + "; prod runs only pinned images, so that a task started later "
                        + "(scale-out, replacement) runs the same build as the others. Use a version tag or a digest "
                        + "(@sha256:...), or set allowUnpinnedImage: true to accept that");
            }
        }

        /** CT.ECS.PR.3 needs a named user (the record requires one); this keeps it from being root. */
        private void checkUser() {
            String user = service.user();
            if (fields.valid(at("user")) && (user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:"))) {
                fields.problem(at("user"), "'" + user + "' runs the container as root (ECS.20, CT.ECS.PR.6); use a non-root "
                        + "UID such as 1000");
            }
        }

        private void checkWritablePaths() {
            String key = at("writablePaths");
            List<String> writablePaths = service.writablePaths();
            if (!service.readonlyRootFilesystem() && !writablePaths.isEmpty()) {
                fields.problem(key, "is set but readonlyRootFilesystem is false, so the whole file system is writable and "
                        + "these paths would be ignored; remove writablePaths (or set it to [] if base.yaml sets it), or set "
                        + "readonlyRootFilesystem: true");
            }
            Map<String, String> pathByVolume = new HashMap<>();
            for (String writable : writablePaths) {
                if (!writable.startsWith("/") || writable.equals("/")) {
                    fields.problem(key, "'" + writable + "' is not allowed; use absolute paths below /, such as /tmp");
                    continue;
                }
                String other = pathByVolume.putIfAbsent(VolumeNames.of(writable), writable);
                if (writable.equals(other)) {
                    fields.problem(key, "'" + writable + "' is listed twice");
                } else if (other != null) {
                    fields.problem(key, "'" + writable + "' and '" + other + "' would share the volume '" + VolumeNames.of(writable)
                            + "' (ECS volume names allow only letters, digits, - and _, so other characters become -); "
                            + "list only one of them, or their common parent directory");
                }
            }
        }

        /** Names first; a value that is itself secret material is reported without repeating it. */
        private void checkEnvironmentVariables() {
            service.environment().forEach((name, value) -> {
                String key = at("environment." + name);
                if (!fields.valid(key)) {
                    return;
                }
                if (AWS_ACCESS_KEY_ID.matcher(value).find()) {
                    fields.problem(key, "the value looks like an AWS access key ID; " + SECRET_ADVICE);
                } else if (URL_WITH_PASSWORD.matcher(value).find()) {
                    fields.problem(key, "the value is a URL with a password in it; " + SECRET_ADVICE
                            + " (or keep the URL here without its password and pass the password as a secret)");
                } else if (FORBIDDEN_ENV.contains(name) || SECRET_LIKE.matcher(name).matches()) {
                    fields.problem(key, "looks like a secret; " + SECRET_ADVICE + ", or rename the variable if it holds no secret");
                }
            });
        }

        private void checkSecrets() {
            service.secrets().forEach((name, secret) -> {
                String key = at("secrets." + name);
                if (fields.valid(key) && service.environment().containsKey(name)) {
                    String plain = at("environment." + name);
                    fields.problem(key, "is also set under " + plain + " (" + fields.location(plain) + "); a variable is "
                            + "either plain or secret, so remove one of them");
                }
                checkSecret(key, secret);
            });
        }

        private void checkSecret(String key, SecretConfig secret) {
            String secretsManager = key + ".secretsManager";
            String ssmParameter = key + ".ssmParameter";
            secret.kmsKey().filter(arn -> !KMS_KEY_ARN.matcher(arn).matches()).ifPresent(arn -> fields.problem(key + ".kmsKey",
                    "'" + arn + "' is not a KMS key ARN; use arn:aws:kms:<region>:<account>:key/<key id> (not an alias: "
                            + "decrypt permission is granted on the key)"));
            if (!fields.valid(secretsManager) || !fields.valid(ssmParameter)) {
                // A source written wrongly (secretsManager: null) is reported; "needs secretsManager" would say it twice.
                return;
            }
            if (secret.secretsManager().isPresent() && secret.ssmParameter().isPresent()) {
                String firstFile = fields.location(secretsManager).file();
                boolean otherFile = !firstFile.equals(fields.location(ssmParameter).file());
                fields.problem(ssmParameter, "is set together with secretsManager; use secretsManager for a Secrets Manager "
                        + "secret or ssmParameter for an SSM Parameter Store parameter, not both" + (otherFile
                        ? " (one comes from " + firstFile + " and maps merge: set this secret in each environment file instead)" : ""));
                return;
            }
            if (secret.secretsManager().isEmpty() && secret.ssmParameter().isEmpty()) {
                fields.problem(key, "needs secretsManager (the name or ARN of a Secrets Manager secret: credentials and other "
                        + "secrets that rotate) or ssmParameter (the name or ARN of an SSM Parameter Store SecureString "
                        + "parameter: a single value)");
                return;
            }
            if (secret.ssmParameter().isPresent()) {
                secret.key().ifPresent(k -> fields.problem(key + ".key", "is only allowed with secretsManager: it picks one key "
                        + "of a Secrets Manager secret that holds JSON, and an SSM parameter has a single value"));
                checkReference(ssmParameter, secret.ssmParameter().get(), SSM_PARAMETER_NAME, SSM_PARAMETER_ARN,
                        "an SSM parameter name (letters, digits and _ . - /, up to 2048) or its full ARN, "
                                + "arn:aws:ssm:<region>:<account>:parameter/<name>", ":secretsmanager:", "secretsManager");
                return;
            }
            secret.key().filter(k -> k.isEmpty() || k.contains(":")).ifPresent(k -> fields.problem(key + ".key", "'" + k
                    + "' is not a JSON key ECS can select; write the key's name, without ':' (ECS separates the parts of a "
                    + "secret reference with colons)"));
            checkReference(secretsManager, secret.secretsManager().get(), SECRETS_MANAGER_NAME, SECRETS_MANAGER_ARN,
                    "a Secrets Manager secret name (letters, digits and / _ + = . @ -, up to 512) or its full ARN, "
                            + "arn:aws:secretsmanager:<region>:<account>:secret:<name>", ":ssm:", "ssmParameter");
        }

        /** A name or ARN of the source at {@code key}; an ARN of the other source names the key it belongs under. */
        private void checkReference(String key, String reference, Pattern name, Pattern arn, String allowed,
                                    String otherService, String otherKey) {
            boolean valid = reference.startsWith("arn:") ? arn.matcher(reference).matches() : name.matcher(reference).matches();
            if (valid || !fields.valid(key)) {
                return;
            }
            String written = key.substring(key.lastIndexOf('.') + 1);
            if (reference.startsWith("arn:") && reference.contains(otherService)) {
                fields.problem(key, "'" + reference + "' is an ARN for " + otherKey + ", not " + written + "; move it under " + otherKey);
            } else {
                fields.problem(key, "'" + reference + "' is not " + allowed);
            }
        }

        /** A service's own placement: a subset of an existing network's private subnets. */
        private void checkSubnets() {
            String key = at("subnets");
            List<String> subnets = service.subnets();
            if (!fields.valid(key) || subnets.isEmpty()) {
                return;
            }
            Optional<ExistingNetworkConfig> existing = environment.network().existing();
            if (existing.isEmpty()) {
                fields.problem(key, "is only for an existing network (network.existing): in a network the platform creates, "
                        + "tasks run in every private subnet, one per availability zone");
                return;
            }
            Map<String, String> zoneById = new HashMap<>();
            existing.get().privateSubnets().forEach(subnet -> zoneById.put(subnet.id(), subnet.availabilityZone()));
            Set<String> seen = new HashSet<>();
            for (String subnet : subnets) {
                if (!seen.add(subnet)) {
                    fields.problem(key, "'" + subnet + "' is listed twice");
                } else if (!zoneById.containsKey(subnet)) {
                    fields.problem(key, "'" + subnet + "' is not one of network.existing.privateSubnets ("
                            + String.join(", ", zoneById.keySet().stream().sorted().toList()) + "); tasks run in private "
                            + "subnets the environment declares, whose zones it knows");
                }
            }
            long zones = subnets.stream().filter(zoneById::containsKey).map(zoneById::get).distinct().count();
            if (environment.tier().isProduction() && seen.size() == subnets.size() && zones < 2) {
                fields.problem(key, "places every task in one availability zone; prod spreads a service over at least 2 "
                        + "(REL10-BP01), so list private subnets of two zones or more");
            }
        }

        /** Existing groups on the tasks: each once, and with the groups the product puts there, at most 5. */
        private void checkSecurityGroups() {
            String key = at("securityGroups");
            List<String> groups = service.securityGroups();
            if (!fields.valid(key) || groups.isEmpty()) {
                return;
            }
            Set<String> seen = new HashSet<>();
            groups.stream().filter(group -> !seen.add(group)).distinct().forEach(group ->
                    fields.problem(key, "'" + group + "' is listed twice; list each security group once"));
            List<String> own = new ArrayList<>(List.of("its own"));
            service.traffic().alb().ifPresent(route -> own.add("load balancer " + route.loadBalancer() + "'s targets group"));
            service.traffic().nlb().ifPresent(listener -> own.add("load balancer " + listener.loadBalancer() + "'s targets group"));
            if (environment.cluster().serviceConnect()) {
                own.add("the Service Connect group");
            }
            int total = own.size() + seen.size();
            if (total > 5) {
                fields.problem(key, seen.size() + " groups are too many: the tasks also wear " + String.join(", ", own)
                        + ", " + total + " in all, and ECS allows 5 per task network interface by default; use at most "
                        + (5 - own.size()));
            }
        }

        private void checkTaskRole() {
            List<PolicyStatementConfig> statements = service.taskRole().statements();
            for (int i = 0; i < statements.size(); i++) {
                checkStatement(at("taskRole.statements[" + i + "]"), statements.get(i));
            }
            String key = at("taskRole.managedPolicies");
            String account = environment.account();
            Set<String> seen = new HashSet<>();
            for (String policy : service.taskRole().managedPolicies()) {
                // A policy that is no policy ARN was reported by the binder; the others are still checked, so that an
                // AWS managed policy next to a malformed ARN is reported too (one list, all of its problems).
                if (!MANAGED_POLICY_ARN.matcher(policy).matches()) {
                    continue;
                }
                String policyAccount = policy.split(":")[4];
                if (policyAccount.equals("aws")) {
                    fields.problem(key, "'" + policy + "' is an AWS managed policy; those grant far more than one task needs "
                            + "(cdk-nag AwsSolutions-IAM4), so write the actions the task needs under statements instead");
                } else if (fields.valid("account") && !policyAccount.equals(account)) {
                    // IAM attaches only policies of the role's own account (AttachRolePolicy fails at deploy time otherwise).
                    fields.problem(key, "'" + policy + "' belongs to account " + policyAccount + "; a role can only use "
                            + "managed policies of its own account, " + account + ", so create the policy there or write its "
                            + "statements under statements");
                } else if (!seen.add(policy)) {
                    fields.problem(key, "'" + policy + "' is listed twice");
                }
            }
        }

        private void checkStatement(String key, PolicyStatementConfig statement) {
            Optional<String> wildcard = statement.firstWildcard();
            String acknowledgment = "the reason becomes the reviewed acknowledgment of cdk-nag AwsSolutions-IAM5 for exactly "
                    + "this statement";
            Optional<String> reason = statement.reason();
            if (wildcard.isPresent() && reason.isEmpty()) {
                fields.problem(key + ".reason", "is required because '" + wildcard.get() + "' has a wildcard; say in at least "
                        + MIN_WILDCARD_REASON_LENGTH + " characters why the task needs it (" + acknowledgment + ")");
            } else if (wildcard.isPresent() && reason.get().strip().length() < MIN_WILDCARD_REASON_LENGTH) {
                fields.problem(key + ".reason", "is " + reason.get().strip().length() + " characters long; say in at least "
                        + MIN_WILDCARD_REASON_LENGTH + " why the task needs '" + wildcard.get() + "' (" + acknowledgment + ")");
            } else if (wildcard.isEmpty() && reason.isPresent()) {
                fields.problem(key + ".reason", "is set but this statement has no wildcard, so cdk-nag AwsSolutions-IAM5 has "
                        + "nothing to acknowledge; remove reason");
            }
        }

        private void checkCommand() {
            List<String> command = service.healthCheck().command();
            if (!command.isEmpty() && (command.size() < 2 || !(command.get(0).equals("CMD") || command.get(0).equals("CMD-SHELL")))) {
                fields.problem(at("healthCheck.command"), "must start with CMD or CMD-SHELL followed by the command, e.g. "
                        + "[CMD-SHELL, \"curl -f http://localhost:8080/ || exit 1\"]");
            }
        }

        /** Every kind of traffic reaches the container port; reported once, for the first kind written. */
        private void checkPortForTraffic() {
            if (service.port().isPresent() || !fields.valid(at("port"))) {
                return;
            }
            TrafficConfig traffic = service.traffic();
            Optional<String> kind = traffic.alb().map(alb -> "alb").or(() -> traffic.nlb().map(nlb -> "nlb"))
                    .or(() -> traffic.connect().map(connect -> "connect"));
            kind.ifPresent(k -> fields.problem(at("port"), "is required with traffic." + k + " ("
                    + fields.location(at("traffic." + k)) + "); set it to the port the container listens on, "
                    + (k.equals("connect") ? "which clients call" : "1 to 65535")));
        }

        private void checkAlbRoute(AlbRouteConfig route) {
            String alb = at("traffic.alb");
            checkLoadBalancerReference(alb, route.loadBalancer(), LoadBalancerType.APPLICATION);
            int values = route.paths().size() + route.hosts().size();
            if (values > MAX_RULE_VALUES) {
                fields.problem(alb + (route.paths().size() > route.hosts().size() ? ".paths" : ".hosts"), "a listener rule can "
                        + "match at most " + MAX_RULE_VALUES + " paths and hosts together; this has " + values);
            }
            int slowStart = route.slowStartSeconds();
            if (fields.valid(alb + ".slowStartSeconds") && slowStart > 0 && slowStart < 30) {
                fields.problem(alb + ".slowStartSeconds", slowStart + " is not a slow start ELB accepts; use 0 (off) or "
                        + "30 to 900 seconds");
            }
            LoadBalancerConfig loadBalancer = environment.loadBalancers().get(route.loadBalancer());
            if (loadBalancer != null && fields.valid(alb + ".hosts")) {
                loadBalancer.hostedZone().ifPresent(zone -> route.hosts().forEach(host -> checkRecordName(alb + ".hosts",
                        host, zone, route.loadBalancer())));
            }
            TargetHealthCheckConfig health = route.healthCheck();
            String check = alb + ".healthCheck";
            if (fields.valid(check + ".timeoutSeconds") && fields.valid(check + ".intervalSeconds")
                    && health.timeoutSeconds() >= health.intervalSeconds()) {
                fields.problem(check + (fields.written(check + ".timeoutSeconds") ? ".timeoutSeconds" : ".intervalSeconds"),
                        "timeoutSeconds (" + health.timeoutSeconds() + ") must be less than intervalSeconds ("
                                + health.intervalSeconds() + ")");
            }
        }

        /** The load balancer a traffic variant names: one of this environment's, and of the right type. */
        private void checkLoadBalancerReference(String key, String name, LoadBalancerType type) {
            if (!fields.valid(key + ".loadBalancer")) {
                return;
            }
            List<String> ofType = environment.loadBalancers().entrySet().stream().filter(e -> e.getValue().type() == type)
                    .map(Map.Entry::getKey).sorted().toList();
            LoadBalancerConfig named = environment.loadBalancers().get(name);
            if (named == null) {
                fields.problem(key + ".loadBalancer", "'" + name + "' is not a load balancer of this environment; use one of "
                        + (ofType.isEmpty() ? "(none defined: add one of type " + type.yamlName() + " under loadBalancers)"
                        : String.join(", ", ofType)));
            } else if (named.type() != type) {
                fields.problem(key + ".loadBalancer", "'" + name + "' is " + (named.type() == LoadBalancerType.NETWORK
                        ? "a network" : "an application") + " load balancer; " + key.substring(key.lastIndexOf('.') + 1)
                        + " needs one of type " + type.yamlName() + (ofType.isEmpty() ? " (none defined yet)"
                        : ": " + String.join(", ", ofType)));
            }
        }

        private void checkNlbListener(NlbListenerConfig listener) {
            String nlb = at("traffic.nlb");
            checkLoadBalancerReference(nlb, listener.loadBalancer(), LoadBalancerType.NETWORK);
            if (listener.protocol() == NlbProtocol.TLS && listener.certificates().isEmpty() && fields.valid(nlb + ".certificates")) {
                fields.problem(nlb + ".certificates", "is required with protocol tls: give the ACM certificate ARNs the "
                        + "listener presents (arn:aws:acm:" + environment.region() + ":" + environment.account()
                        + ":certificate/<id>)");
            } else if (listener.protocol() != NlbProtocol.TLS && !listener.certificates().isEmpty()) {
                fields.problem(nlb + ".certificates", "is set but protocol is " + listener.protocol().yamlName()
                        + ", which passes traffic through without terminating TLS; use protocol: tls, or remove certificates");
            }
            if (listener.protocol() != NlbProtocol.TLS && fields.writtenOtherThanDefault(nlb + ".tlsPolicy")) {
                fields.problem(nlb + ".tlsPolicy", "is only for protocol tls; remove it");
            }
            checkCertificates(nlb + ".certificates", listener.certificates(), environment);
            NlbHealthCheckConfig health = listener.healthCheck();
            String check = nlb + ".healthCheck";
            if (listener.protocol().carriesUdp() && health.port().isEmpty() && fields.valid(check + ".port")) {
                fields.problem(check + ".port", "is required with protocol " + listener.protocol().yamlName() + ": the load "
                        + "balancer checks a UDP target over TCP or HTTP, so give the container port that answers it");
            }
            if (fields.valid(check + ".timeoutSeconds") && fields.valid(check + ".intervalSeconds")
                    && health.timeoutSeconds() >= health.intervalSeconds()) {
                fields.problem(check + (fields.written(check + ".timeoutSeconds") ? ".timeoutSeconds" : ".intervalSeconds"),
                        "timeoutSeconds (" + health.timeoutSeconds() + ") must be less than intervalSeconds ("
                                + health.intervalSeconds() + ")");
            }
            if (health.protocol() == NlbHealthCheckProtocol.TCP && fields.writtenOtherThanDefault(check + ".path")) {
                fields.problem(check + ".path", "is only for protocol: http; a tcp check opens a connection and sends nothing");
            }
        }

        /** A host that gets an alias record: inside the zone, and a wildcard only as its whole first label. */
        private void checkRecordName(String key, String host, HostedZoneConfig zone, String loadBalancer) {
            String name = host.toLowerCase(java.util.Locale.ROOT);
            if (!name.equals(zone.name()) && !name.endsWith("." + zone.name())) {
                fields.problem(key, "'" + host + "' is not in hosted zone " + zone.name() + " of load balancer '"
                        + loadBalancer + "', which writes an alias record for every host; use a host under " + zone.name()
                        + ", or route this one on a load balancer without hostedZone");
            } else if (name.contains("?") || name.lastIndexOf('*') > 0 || (name.startsWith("*") && !name.startsWith("*."))) {
                fields.problem(key, "'" + host + "' cannot be a DNS record name; a wildcard record is * as the whole first "
                        + "label, such as *." + zone.name());
            }
        }

        private void checkCompute() {
            if (service.compute() instanceof FargateConfig fargate) {
                String key = at("compute.fargate");
                List<Integer> sizes = FargateSizes.memoryFor(fargate.cpu());
                // Memory is only checked against a cpu written correctly: against the stand-in default it would report
                // a memory problem that is not there and advise sizes that are wrong.
                if (fields.valid(key + ".cpu") && fields.valid(key + ".memory") && fields.written(key + ".memory")
                        && !sizes.contains(fargate.memory())) {
                    fields.problem(key + ".memory", fargate.memory() + " is not valid with cpu " + fargate.cpu()
                            + " on Fargate; use one of " + sizes.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                }
                checkCapacity(key + ".capacity", fargate.capacity());
            }
        }

        private void checkCapacity(String key, List<CapacityConfig> capacity) {
            Set<CapacityProvider> seen = new HashSet<>();
            for (int i = 0; i < capacity.size(); i++) {
                CapacityConfig entry = capacity.get(i);
                String provider = key + "[" + i + "].provider";
                if (fields.valid(provider) && !seen.add(entry.provider())) {
                    fields.problem(provider, "'" + entry.provider().yamlName() + "' is listed twice; list each provider once");
                }
            }
            if (!capacity.isEmpty() && capacity.stream().allMatch(c -> c.weight() == 0)) {
                fields.problem(key, "every weight is 0; at least one provider needs a weight of 1 or more");
            }
            if (capacity.stream().filter(c -> c.base() > 0).count() > 1) {
                fields.problem(key, "more than one provider sets base; ECS allows a base on one provider only");
            }
        }

        private void checkDeployment() {
            checkTestListenerShifts();
            if (service.deployment() instanceof RecreateDeploymentConfig && environment.tier().isProduction()) {
                fields.problem(at("deployment.recreate"), "is not allowed in prod: recreate stops every task before it "
                        + "starts the new version, so the service is down until the new tasks pass their health checks; use "
                        + "rolling (100/200 in prod), or blueGreen, canary or linear behind a load balancer");
            }
            if (service.deployment() instanceof EcsTrafficShiftConfig shift) {
                checkTrafficShift(shift);
            }
            if (service.deployment() instanceof CodeDeployDeploymentConfig codeDeploy) {
                checkCodeDeploy(codeDeploy);
            }
            if (service.deployment() instanceof RollingDeploymentConfig rolling) {
                String key = at("deployment.rolling");
                if (environment.tier().isProduction() && fields.valid(key + ".minHealthyPercent") && rolling.minHealthyPercent() < 100) {
                    fields.problem(key + ".minHealthyPercent", rolling.minHealthyPercent() + " is not allowed in prod; prod "
                            + "keeps 100 so a deployment never drops below the desired capacity");
                }
                if (fields.valid(key + ".maxPercent") && fields.valid(key + ".minHealthyPercent")
                        && rolling.maxPercent() <= rolling.minHealthyPercent()) {
                    fields.problem(key + ".maxPercent", rolling.maxPercent() + " must be greater than minHealthyPercent ("
                            + rolling.minHealthyPercent() + ") or a rolling deployment cannot start a new task");
                }
            }
        }

        /** The kinds that shift traffic between two target groups, for the messages that name them. */
        private static final String SHIFTING_KINDS = "blueGreen, canary, linear or codeDeploy";

        /** A test listener of the service's own gets traffic only from a deployment that shifts between two target groups. */
        private void checkTestListenerShifts() {
            DeploymentConfig deployment = service.deployment();
            boolean shifts = !(deployment instanceof RollingDeploymentConfig || deployment instanceof RecreateDeploymentConfig);
            service.traffic().nlb().flatMap(NlbListenerConfig::testListener).ifPresent(test -> {
                if (!shifts) {
                    fields.problem(at("traffic.nlb.testListener"), "is only for a deployment that shifts traffic ("
                            + SHIFTING_KINDS + "); a " + (deployment instanceof RecreateDeploymentConfig ? "recreate" : "rolling")
                            + " deployment never sends anything to it, so remove it or choose one of those kinds");
                }
            });
        }

        /**
         * An ECS-native blue/green, canary or linear deployment: something to shift, what CloudFormation accepts of the
         * plan (33 hours at most, AWS::ECS::Service CanaryConfiguration and LinearConfiguration), and its hooks.
         */
        private void checkTrafficShift(EcsTrafficShiftConfig shift) {
            String key = at("deployment." + shift.kind());
            TrafficConfig traffic = service.traffic();
            if (traffic.alb().isEmpty() && traffic.nlb().isEmpty()) {
                fields.problem(key, "needs traffic through a load balancer to shift: set traffic.alb or traffic.nlb, or use "
                        + "rolling; " + (traffic.connect().isPresent()
                        ? "this service is reached through Service Connect only, whose traffic the platform does not shift"
                        : "this service has no traffic (a worker)"));
            }
            int planned = shift.plannedMinutes();
            if (planned > EcsTrafficShiftConfig.CLOUDFORMATION_MAX_PLAN_MINUTES && fields.valid(key)) {
                String formula = shift instanceof LinearDeploymentConfig linear
                        ? "bakeMinutes " + linear.bakeMinutes() + " + stepBakeMinutes " + linear.stepBakeMinutes() + " x "
                                + linear.waits() + " waits between steps of " + linear.stepPercent() + "%"
                        : shift instanceof CanaryDeploymentConfig canary
                        ? "bakeMinutes " + canary.bakeMinutes() + " + canaryBakeMinutes " + canary.canaryBakeMinutes()
                        : "bakeMinutes " + shift.bakeMinutes();
                fields.problem(key, "plans " + planned + " minutes (" + formula + "), more than the "
                        + EcsTrafficShiftConfig.CLOUDFORMATION_MAX_PLAN_MINUTES + " (33 hours) CloudFormation accepts, because "
                        + "its operations time out after 36; shorten the waits" + (shift instanceof LinearDeploymentConfig
                        ? " or take larger steps" : ""));
            }
            Set<String> functions = new HashSet<>();
            List<LifecycleHookConfig> hooks = shift.hooks();
            for (int i = 0; i < hooks.size(); i++) {
                LifecycleHookConfig hook = hooks.get(i);
                String hookKey = key + ".hooks[" + i + "]";
                if (fields.valid(hookKey + ".function")) {
                    if (!functions.add(hook.function())) {
                        fields.problem(hookKey + ".function", "'" + hook.function() + "' already has a hook; list all its "
                                + "stages in that one");
                    } else {
                        checkOwnAccountAndRegion(hookKey + ".function", hook.function(), "a Lambda function", environment,
                                "ECS calls a hook with a role of this stack, which is granted this account's functions only");
                    }
                }
                if (fields.valid(hookKey + ".stages") && new HashSet<>(hook.stages()).size() < hook.stages().size()) {
                    fields.problem(hookKey + ".stages", "lists a stage twice; list each stage once");
                }
            }
        }

        /**
         * Thresholds of signals the service does not have do nothing, and a CPU alarm at or below the autoscaling target
         * would be in alarm whenever autoscaling does its job.
         */
        private void checkAlarms() {
            String key = at("alarms");
            boolean alb = service.traffic().alb().isPresent();
            boolean loadBalanced = alb || service.traffic().nlb().isPresent();
            // print-config writes each service's thresholds out, the environment's included: only a value of the
            // service's own (other than the environment's) is a mistake, so that its output loads back.
            ServiceAlarmsConfig own = service.alarms();
            AlarmsConfig shared = environment.alarms();
            Map<String, Boolean> loadBalancerOnly = new LinkedHashMap<>();
            loadBalancerOnly.put("serverErrorPercent", !alb && own.serverErrorPercent() != shared.serverErrorPercent());
            loadBalancerOnly.put("minimumRequestsPerMinute", !alb && own.minimumRequestsPerMinute() != shared.minimumRequestsPerMinute());
            loadBalancerOnly.put("p99ResponseTimeMillis", !alb && own.p99ResponseTimeMillis() != shared.p99ResponseTimeMillis());
            loadBalancerOnly.forEach((threshold, pointless) -> {
                if (pointless && fields.written(key + "." + threshold) && fields.valid(key + "." + threshold)) {
                    fields.problem(key + "." + threshold, "does nothing here: only a service with traffic.alb has the 5xx-rate "
                            + "and p99-latency alarms; remove it");
                }
            });
            if (!loadBalanced && own.unhealthyHosts() != shared.unhealthyHosts() && fields.written(key + ".unhealthyHosts")
                    && fields.valid(key + ".unhealthyHosts")) {
                fields.problem(key + ".unhealthyHosts", "does nothing here: only a service with traffic.alb or traffic.nlb "
                        + "has the unhealthy-hosts alarm; remove it");
            }
            int cpu = service.alarms().cpuPercent();
            int target = service.scaling().cpuTargetPercent();
            if (fields.valid(key + ".cpuPercent") && fields.valid(at("scaling.cpuTargetPercent")) && cpu <= target) {
                // Where the user wrote a value: the service's threshold, its scaling target, or else the environment's.
                String where = fields.written(key + ".cpuPercent") ? key + ".cpuPercent"
                        : fields.written(at("scaling.cpuTargetPercent")) ? at("scaling.cpuTargetPercent") : "alarms.cpuPercent";
                String whose = where.startsWith("services.") ? "" : " of service '" + path.substring("services.".length()) + "'";
                fields.problem(where, "the cpu-high alarm fires at " + cpu + "%, not above scaling.cpuTargetPercent" + whose
                        + " (" + target + "%), the CPU that autoscaling keeps the service at: it would be in alarm in normal "
                        + "operation; use a cpuPercent above " + target + " or a lower cpuTargetPercent");
            }
        }

        /**
         * A CodeDeploy deployment group shifts one pair of target groups behind one production listener, Service Connect
         * does not support the CODE_DEPLOY controller (ECS developer guide, Service Connect considerations), and the
         * custom resource that waits for each deployment has at most an hour (ADR 0013).
         */
        private void checkCodeDeploy(CodeDeployDeploymentConfig codeDeploy) {
            String key = at("deployment.codeDeploy");
            boolean alb = service.traffic().alb().isPresent();
            boolean nlb = service.traffic().nlb().isPresent();
            if (alb && nlb) {
                fields.problem(key, "needs exactly one way in through a load balancer, and this service has both traffic.alb "
                        + "and traffic.nlb: a CodeDeploy deployment group shifts one pair of target groups; keep one of them, "
                        + "or use deployment: { rolling: {} }");
            } else if (!alb && !nlb) {
                fields.problem(key, "needs a way in through a load balancer (traffic.alb or traffic.nlb): CodeDeploy shifts "
                        + "traffic between two target groups, and " + (service.traffic().connect().isPresent()
                                ? "Service Connect alone has none" : "a worker has none")
                        + "; use deployment: { rolling: {} }");
            }
            service.traffic().connect().ifPresent(connect -> fields.problem(at("traffic.connect"), "is not possible with "
                    + "deployment codeDeploy: ECS Service Connect does not support services under the CODE_DEPLOY deployment "
                    + "controller; publish the service through its load balancer only, or choose an ECS-native deployment"));
            CodeDeployTrafficShiftConfig shift = codeDeploy.trafficShift();
            if (fields.valid(key + ".terminationWaitMinutes") && fields.valid(key + ".trafficShift")
                    && codeDeploy.totalMinutes() > CodeDeployDeploymentConfig.PROVIDER_TIMEOUT_MINUTES) {
                String plan;
                if (shift instanceof CodeDeployCanaryConfig canary) {
                    plan = "canary " + canary.percent() + "% then the rest after " + canary.minutes() + " minutes";
                } else if (shift instanceof CodeDeployLinearConfig linear) {
                    plan = "linear " + linear.percent() + "% every " + linear.minutes() + " minutes, " + shift.shiftMinutes()
                            + " minutes from first to last step";
                } else {
                    plan = "all traffic at once";
                }
                int over = codeDeploy.totalMinutes() - CodeDeployDeploymentConfig.PROVIDER_TIMEOUT_MINUTES;
                fields.problem(key, plan + ", a termination wait of " + codeDeploy.terminationWaitMinutes() + " minutes and "
                        + CodeDeployDeploymentConfig.TASK_MARGIN_MINUTES + " minutes to start, check and drain tasks make "
                        + codeDeploy.totalMinutes() + " minutes; cdk deploy waits for the deployment through a custom resource "
                        + "whose provider gives up after " + CodeDeployDeploymentConfig.PROVIDER_TIMEOUT_MINUTES
                        + " minutes, so shorten trafficShift or terminationWaitMinutes by " + over + " minutes");
            }
        }

        private void checkScaling() {
            ScalingConfig scaling = service.scaling();
            String key = at("scaling");
            if (environment.tier().isProduction() && fields.valid(key + ".minTasks") && scaling.minTasks() < 2) {
                fields.problem(key + ".minTasks", scaling.minTasks() + " is too few for prod; run at least 2 tasks so one "
                        + "failure is not an outage (REL10-BP01)");
            }
            if (fields.valid(key + ".maxTasks") && fields.valid(key + ".minTasks") && scaling.maxTasks() < scaling.minTasks()) {
                fields.problem(key + ".maxTasks", scaling.maxTasks() + " is less than minTasks (" + scaling.minTasks()
                        + "); use " + scaling.minTasks() + " or more");
            }
            if (scaling.requestsPerTarget().isPresent() && service.traffic().alb().isEmpty()) {
                fields.problem(key + ".requestsPerTarget", "needs traffic.alb: it tracks the requests of the service's ALB "
                        + "target groups per healthy task, and this service has no ALB route; scale it on cpuTargetPercent, "
                        + "memoryTargetPercent or stepScaling instead");
            }
            scaling.stepScaling().ifPresent(steps -> new ScalingRules(fields).checkStepScaling(key + ".stepScaling", steps));
            new ScalingRules(fields).checkSchedules(key + ".schedules", ordered(scaling.schedules(), key + ".schedules"),
                    environment.tier());
        }
    }

    /**
     * The rules of a service's step scaling and schedules: what Application Auto Scaling and CDK's step scaling
     * policy accept, said in the config's own terms.
     */
    private static final class ScalingRules {

        /** CDK's StepScalingPolicy takes 2 to 40 steps. */
        private static final int MAX_STEPS = 40;
        private static final Pattern AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        private static final Pattern RATE = Pattern.compile("[1-9][0-9]{0,8} (minute|minutes|hour|hours|day|days)");
        private static final String CRON_EXAMPLE = "cron(0 20 ? * MON-FRI *)";
        private static final List<String> CRON_FIELDS = List.of("minutes", "hours", "day of month", "month", "day of week",
                "year");
        /** The characters each of the six EventBridge cron fields may hold, and the range of its numbers. */
        private static final List<Pattern> CRON_CHARACTERS = List.of(Pattern.compile("[0-9*,/-]+"), Pattern.compile("[0-9*,/-]+"),
                Pattern.compile("[0-9*,/?LW-]+"), Pattern.compile("[0-9A-Za-z*,/-]+"), Pattern.compile("[0-9A-Za-z*,/?L#-]+"),
                Pattern.compile("[0-9*,/-]+"));
        private static final int[][] CRON_RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};
        private static final Set<String> MONTHS = Set.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
                "NOV", "DEC");
        private static final Set<String> WEEKDAYS = Set.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
        private static final Pattern NUMBER = Pattern.compile("[0-9]+");
        private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

        private final BoundFields fields;

        ScalingRules(BoundFields fields) {
            this.fields = fields;
        }

        void checkStepScaling(String key, StepScalingConfig scaling) {
            String period = key + ".metric.periodSeconds";
            if (fields.valid(period) && scaling.metric().periodSeconds() % 60 != 0) {
                fields.problem(period, scaling.metric().periodSeconds() + " is not a whole number of minutes; use a "
                        + "multiple of 60, such as 60 or 300 (AWS services publish most metrics once a minute)");
            }
            String stepsKey = key + ".steps";
            List<ScalingStepConfig> steps = scaling.steps();
            if (!fields.valid(stepsKey)) {
                return;
            }
            if (steps.size() < 2) {
                fields.problem(stepsKey, "has " + steps.size() + (steps.size() == 1 ? " step" : " steps") + "; give at least 2, e.g. one that removes tasks below a bound and one "
                        + "that adds tasks above another: [{ upper: 10, change: -1 }, { lower: 100, change: 2 }] (for one "
                        + "value to keep the metric at, target tracking fits better)");
                return;
            }
            if (steps.size() > MAX_STEPS) {
                fields.problem(stepsKey, "has " + steps.size() + " steps; use at most " + MAX_STEPS);
                return;
            }
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).lower().isEmpty() && steps.get(i).upper().isEmpty()) {
                    fields.problem(stepsKey + "[" + i + "]", "has neither lower nor upper; give at least one bound, so that "
                            + "the range of the step is written down (Application Auto Scaling allows no step open at both ends)");
                    return;
                }
            }
            for (int i = 1; i < steps.size(); i++) {
                long previous = position(steps.get(i - 1));
                long here = position(steps.get(i));
                if (here < previous) {
                    fields.problem(stepsKey + "[" + i + "]", "comes after a step at higher values (step " + (i - 1) + ", at "
                            + previous + "); list the steps in ascending order, from the lowest values of the metric up");
                    return;
                }
            }
            // Each left-out bound is the neighbour's, as CDK's step scaling fills them in: a missing lower is where the
            // previous step ends (0 for the first), a missing upper where the next one starts (none for the last).
            int n = steps.size();
            Long[] lower = new Long[n];
            Long[] upper = new Long[n];
            for (int i = 0; i < n; i++) {
                lower[i] = steps.get(i).lower().map(Long::valueOf).orElse(null);
                upper[i] = steps.get(i).upper().map(Long::valueOf).orElse(null);
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < n; i++) {
                    if (lower[i] == null && i > 0 && upper[i - 1] != null) {
                        lower[i] = upper[i - 1];
                        changed = true;
                    }
                    if (upper[i] == null && i < n - 1 && lower[i + 1] != null) {
                        upper[i] = lower[i + 1];
                        changed = true;
                    }
                }
            }
            if (lower[0] == null) {
                lower[0] = 0L;
            }
            if (upper[n - 1] == null) {
                upper[n - 1] = Long.MAX_VALUE;
            }
            for (int i = 0; i < n - 1; i++) {
                if (upper[i] == null || lower[i + 1] == null) {
                    fields.problem(stepsKey + "[" + (i + 1) + "]", "leaves open where steps " + i + " and " + (i + 1)
                            + " meet; give upper in step " + i + " or lower in this one");
                    return;
                }
            }
            for (int i = 0; i < n; i++) {
                String at = stepsKey + "[" + i + "]";
                if (lower[i] >= upper[i]) {
                    fields.problem(at + (steps.get(i).upper().isPresent() ? ".upper" : ".lower"), "the step would run from "
                            + lower[i] + " up to " + bound(upper[i]) + "; its upper bound must be above its lower bound"
                            + (i == 0 && steps.get(i).lower().isEmpty() ? " (a first step without lower starts at 0)" : ""));
                    return;
                }
                if (i > 0 && lower[i] < upper[i - 1]) {
                    fields.problem(at + (steps.get(i).lower().isPresent() ? ".lower" : ".upper"), "the step would start at "
                            + lower[i] + ", inside step " + (i - 1) + " (" + lower[i - 1] + " up to " + bound(upper[i - 1])
                            + "); list the steps in ascending order, each starting at or above where the one before it ends");
                    return;
                }
            }
            // The ranges where nothing changes: below the first step, gaps between steps, steps with change 0, and above
            // the last step; touching ones are one range. CDK's policy puts its two alarms at the edges of that one range.
            List<String> still = new ArrayList<>();
            long openFrom = -1;
            long position = 0;
            for (int i = 0; i < n; i++) {
                if (lower[i] > position && openFrom < 0) {
                    openFrom = position;
                }
                if (steps.get(i).change() == 0) {
                    if (openFrom < 0) {
                        openFrom = lower[i];
                    }
                } else if (openFrom >= 0) {
                    still.add(openFrom + " up to " + lower[i]);
                    openFrom = -1;
                }
                position = upper[i];
            }
            if (openFrom >= 0 || position != Long.MAX_VALUE) {
                still.add((openFrom >= 0 ? openFrom : position) + " and above");
            }
            if (steps.stream().allMatch(step -> step.change() == 0)) {
                fields.problem(stepsKey, "no step changes the task count; give the steps above or below the range where "
                        + "nothing happens a change other than 0");
            } else if (still.size() > 1) {
                fields.problem(stepsKey, "leaves " + still.size() + " ranges where nothing changes (" + String.join(", ", still)
                        + "); step scaling allows one, between the steps that remove tasks and those that add them: let the "
                        + "other steps touch, or give them a change");
            }
        }

        /** Where a step is, by the bound it gives: its lower, or its upper when it gives no lower (as CDK sorts them). */
        private static long position(ScalingStepConfig step) {
            return step.lower().or(step::upper).orElseThrow();
        }

        private static String bound(long value) {
            return value == Long.MAX_VALUE ? "no limit" : String.valueOf(value);
        }

        void checkSchedules(String key, Map<String, ScheduleConfig> schedules, Tier tier) {
            Optional<String> stopping = Optional.empty();
            boolean starting = false;
            for (Map.Entry<String, ScheduleConfig> entry : schedules.entrySet()) {
                String at = key + "." + entry.getKey();
                ScheduleConfig schedule = entry.getValue();
                Optional<String> kind = fields.valid(at + ".schedule") ? checkExpression(at + ".schedule", schedule.schedule())
                        : Optional.empty();
                String zone = at + ".timeZone";
                schedule.timeZone().filter(z -> fields.valid(zone)).ifPresent(z -> {
                    if (kind.filter(k -> k.equals("rate")).isPresent()) {
                        fields.problem(zone, "is only for cron and at schedules; a rate schedule repeats at its interval from "
                                + "when it is created, whatever the zone, so remove timeZone");
                    } else if (!java.time.ZoneId.getAvailableZoneIds().contains(z)) {
                        fields.problem(zone, "'" + z + "' is not an IANA time zone; " + FieldReader.closest(z,
                                java.time.ZoneId.getAvailableZoneIds()).map(c -> "did you mean " + c + "? ").orElse("")
                                + "use a name such as Europe/Berlin, America/New_York or UTC");
                    }
                });
                if (!fields.valid(at + ".minTasks") || !fields.valid(at + ".maxTasks")) {
                    continue;
                }
                int min = schedule.minTasks();
                int max = schedule.maxTasks();
                if (max < min) {
                    fields.problem(at + ".maxTasks", max + " is less than minTasks (" + min + "); use " + min + " or more");
                } else if (tier.isProduction() && min < 2) {
                    fields.problem(at + ".minTasks", min + " is too few for prod; a prod schedule keeps at least 2 tasks, "
                            + "like scaling.minTasks, so one failure is not an outage (REL10-BP01); stopping a service on a "
                            + "schedule is for dev and test");
                } else if (min == 0 && max > 0) {
                    fields.problem(at + ".minTasks", "0 with maxTasks " + max + " does not say whether the service stops: "
                            + "nothing starts a service that has no task, since there is no CPU or request metric to act on; "
                            + "write maxTasks: 0 as well to stop it, or use minTasks 1 or more");
                } else if (max == 0) {
                    stopping = stopping.or(() -> Optional.of(at));
                } else {
                    starting = true;
                }
            }
            if (stopping.isPresent() && !starting) {
                fields.problem(stopping.get(), "stops the service, and no other schedule starts it again; add one with "
                        + "minTasks 1 or more, e.g. on weekday mornings: { schedule: \"cron(0 7 ? * MON-FRI *)\", minTasks: 1, "
                        + "maxTasks: 2 }");
            }
        }

        /** The kind of a schedule that reads well ({@code cron}, {@code at}, {@code rate}); empty after a problem. */
        private Optional<String> checkExpression(String key, String expression) {
            String kind = expression.substring(0, expression.indexOf('('));
            String inner = expression.substring(kind.length() + 1, expression.length() - 1).trim();
            if (kind.equals("at")) {
                boolean valid = AT.matcher(inner).matches();
                if (valid) {
                    try {
                        java.time.LocalDateTime.parse(inner);
                    } catch (java.time.format.DateTimeParseException e) {
                        valid = false;
                    }
                }
                if (!valid) {
                    fields.problem(key, "'" + expression + "' is not an at expression; write at(yyyy-mm-ddThh:mm:ss) with a "
                            + "date and time that exist, e.g. at(2027-01-15T18:00:00)");
                    return Optional.empty();
                }
                return Optional.of(kind);
            }
            if (kind.equals("rate")) {
                if (!RATE.matcher(inner).matches()) {
                    fields.problem(key, "'" + expression + "' is not a rate expression; write rate(<n> <unit>) with a whole "
                            + "number from 1 and minute, minutes, hour, hours, day or days, e.g. rate(6 hours)");
                    return Optional.empty();
                }
                return Optional.of(kind);
            }
            String[] parts = inner.split("\\s+");
            if (parts.length != CRON_FIELDS.size()) {
                fields.problem(key, "'" + expression + "' has " + parts.length + " fields; an Application Auto Scaling cron "
                        + "has 6: minutes, hours, day of month, month, day of week and year, e.g. " + CRON_EXAMPLE);
                return Optional.empty();
            }
            for (int i = 0; i < parts.length; i++) {
                String problem = cronFieldProblem(i, parts[i]);
                if (problem != null) {
                    fields.problem(key, "'" + expression + "' has " + problem + " in its " + CRON_FIELDS.get(i) + " field; "
                            + "use " + allowedIn(i) + ", as in " + CRON_EXAMPLE);
                    return Optional.empty();
                }
            }
            boolean dayOfMonthAny = parts[2].equals("?");
            boolean dayOfWeekAny = parts[4].equals("?");
            if (dayOfMonthAny == dayOfWeekAny) {
                fields.problem(key, "'" + expression + "' " + (dayOfMonthAny ? "has ? in both day of month and day of week"
                        : "sets both day of month (" + parts[2] + ") and day of week (" + parts[4] + ")") + "; exactly one of "
                        + "them is ?, e.g. " + CRON_EXAMPLE + " on weekdays or cron(0 20 1 * ? *) on the first of each month");
                return Optional.empty();
            }
            return Optional.of(kind);
        }

        /** What is wrong with one field of a cron expression, or null. */
        private static String cronFieldProblem(int index, String field) {
            if (!CRON_CHARACTERS.get(index).matcher(field).matches()) {
                return "'" + field + "'";
            }
            java.util.regex.Matcher numbers = NUMBER.matcher(field);
            while (numbers.find()) {
                long number = Long.parseLong(numbers.group().length() > 9 ? "9999999999" : numbers.group());
                boolean increment = numbers.start() > 0 && field.charAt(numbers.start() - 1) == '/';
                boolean nth = numbers.start() > 0 && field.charAt(numbers.start() - 1) == '#';
                int low = increment || nth ? 1 : CRON_RANGES[index][0];
                int high = nth ? 5 : CRON_RANGES[index][1];
                if (number < low || number > high) {
                    return numbers.group();
                }
            }
            java.util.regex.Matcher words = WORD.matcher(field);
            while (words.find()) {
                String word = words.group().toUpperCase(java.util.Locale.ROOT);
                boolean known = index == 3 ? MONTHS.contains(word)
                        : index == 4 ? WEEKDAYS.contains(word) || word.equals("L") : word.equals("L") || word.equals("W") || word.equals("LW");
                if (!known) {
                    return "'" + words.group() + "'";
                }
            }
            return null;
        }

        private static String allowedIn(int index) {
            int[] range = CRON_RANGES[index];
            String numbers = range[0] + " to " + range[1];
            return switch (index) {
                case 2 -> numbers + ", * , - / ? L W";
                case 3 -> numbers + " or JAN to DEC, * , - /";
                case 4 -> numbers + " (1 is Sunday) or SUN to SAT, * , - ? L #";
                default -> numbers + ", * , - /";
            };
        }
    }
}
