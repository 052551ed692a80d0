package dev.ecsplatform.config;

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
 * Binds one merged environment tree to an {@link EnvironmentConfig}: types, ranges, defaults and the
 * rules that span fields. Every problem goes to the shared list; nothing here throws.
 */
final class EnvironmentBinder {

    static final List<Integer> LOG_RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** Environment and service names become parts of stack names, target group names and tags. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** The shape of a region code (eu-west-1, us-gov-west-1, eusc-de-east-1); which ones exist is {@link AwsRegions}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+){1,2}-\\d{1,2}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    /** The variable name rule of {@code environment} and {@code secrets}: what a shell can use. */
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
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
    /** ECS's rule for task definition families and container names. */
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern USER = Pattern.compile("([0-9]+|[a-z_][a-z0-9_-]*)(:([0-9]+|[a-z_][a-z0-9_-]*))?");
    private static final Pattern SUCCESS_CODES = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9*?.-]{1,128}");
    private static final Pattern IMAGE = Pattern.compile("[^\\s]+");
    /**
     * The tag value rule of ECS and most AWS services (letters, digits and spaces in UTF-8, and + - = . _ : / @;
     * the Tagging API's {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}); owner is written as a tag on every resource.
     */
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}+=._:/@-]*");
    private static final int MAX_TAG_VALUE_LENGTH = 256;
    /**
     * The health-check path goes into the container's CMD-SHELL command (see
     * {@link ConfigDefaults#containerHealthCheck}) and into the ALB's health check, so it is limited to
     * characters that are literal in a shell word and valid in a URL path.
     */
    private static final Pattern HEALTH_CHECK_PATH = Pattern.compile("/[A-Za-z0-9._~/%-]*");
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

    private final List<ConfigProblem> problems;

    EnvironmentBinder(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    EnvironmentConfig bind(String name, FieldReader root) {
        if (!NAME.matcher(name).matches()) {
            problems.add(new ConfigProblem(root.location(), "", "the file name '" + name + "' is not a valid environment name; "
                    + "use 1 to 20 lower-case letters, digits and hyphens, starting with a letter"));
        }
        Tier tier = root.requiredChoice("tier", Tier.class);
        String account = root.requiredString("account", "the 12-digit AWS account ID, in quotes");
        if (!account.isEmpty() && !ACCOUNT.matcher(account).matches()) {
            root.problem("account", "'" + account + "' is not an AWS account ID; use exactly 12 digits, in quotes");
        }
        String region = root.requiredString("region", "an AWS region such as eu-west-1");
        checkRegion(root, region);
        String owner = root.requiredString("owner", "the owning team, e.g. platform-team (written to the owner tag)");
        checkOwner(root, owner);
        LogsConfig logs = logs(root.map("logs"), tier);
        NetworkConfig network = network(root.map("network"), tier, logs);
        ClusterConfig cluster = cluster(root.map("cluster"));
        Map<String, LoadBalancerConfig> loadBalancers = new LinkedHashMap<>();
        root.namedMaps("loadBalancers").forEach((lbName, reader) -> {
            checkName(reader, "load balancer", lbName);
            loadBalancers.put(lbName, loadBalancer(reader, tier));
        });
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        Map<String, FieldReader> serviceReaders = root.namedMaps("services");
        serviceReaders.forEach((serviceName, reader) -> {
            checkName(reader, "service", serviceName);
            services.put(serviceName, service(reader, name, serviceName, tier, account, loadBalancers));
        });
        checkRoutePriorities(services, serviceReaders);
        checkFamilies(services, serviceReaders);
        root.rejectUnknownKeys();
        return new EnvironmentConfig(name, tier, account, region, owner, network, cluster, logs, loadBalancers, services);
    }

    private void checkRegion(FieldReader root, String region) {
        if (region.isEmpty() || AwsRegions.names().contains(region)) {
            return;
        }
        if (!REGION.matcher(region).matches()) {
            root.problem("region", "'" + region + "' is not an AWS region; use a region code such as eu-west-1 or us-east-2");
            return;
        }
        root.problem("region", "'" + region + "' is not an AWS region; "
                + AwsRegions.closest(region).map(r -> "did you mean " + r + "? Regions: ").orElse("regions: ")
                + String.join(", ", AwsRegions.like(region)));
    }

    private void checkOwner(FieldReader root, String owner) {
        if (owner.isEmpty()) {
            return;
        }
        int length = owner.codePointCount(0, owner.length());
        if (length > MAX_TAG_VALUE_LENGTH) {
            root.problem("owner", "is " + length + " characters long; use at most " + MAX_TAG_VALUE_LENGTH
                    + ", the longest tag value AWS accepts (owner is written as a tag on every resource)");
        } else if (!TAG_VALUE.matcher(owner).matches()) {
            root.problem("owner", "'" + owner + "' cannot be a tag value; use letters, digits, spaces and + - = . _ : / @ "
                    + "(owner is written as a tag on every resource)");
        }
    }

    private void checkName(FieldReader reader, String what, String name) {
        if (!NAME.matcher(name).matches()) {
            problems.add(new ConfigProblem(reader.location(), reader.path(), "'" + name + "' is not a valid " + what
                    + " name; use 1 to 20 lower-case letters, digits and hyphens, starting with a letter"));
        }
    }

    private LogsConfig logs(FieldReader reader, Tier tier) {
        int retention = retentionDays(reader, "retentionDays", ConfigDefaults.logRetentionDays(tier));
        checkProdRetention(reader, "retentionDays", retention, tier);
        reader.rejectUnknownKeys();
        return new LogsConfig(retention);
    }

    private int retentionDays(FieldReader reader, String key, int defaultValue) {
        Optional<Integer> days = reader.optionalInteger(key, 1, 3653);
        if (days.isPresent() && !LOG_RETENTION_DAYS.contains(days.get())) {
            reader.problem(key, days.get() + " is not a retention CloudWatch Logs accepts; use one of "
                    + LOG_RETENTION_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            return defaultValue;
        }
        return days.orElse(defaultValue);
    }

    /** Only a value written in the files is reported; a default that follows another field is reported there. */
    private void checkProdRetention(FieldReader reader, String key, int days, Tier tier) {
        if (tier.isProduction() && reader.has(key) && days < PROD_MIN_RETENTION_DAYS) {
            reader.problem(key, days + " is too short for prod; prod keeps logs at least " + PROD_MIN_RETENTION_DAYS
                    + " days (AWS Control Tower CT.CLOUDWATCH.PR.2 requires a year)");
        }
    }

    private NetworkConfig network(FieldReader reader, Tier tier, LogsConfig logs) {
        String cidr = reader.string("cidr", ConfigDefaults.VPC_CIDR);
        checkCidr(reader, cidr);
        int maxAzs = reader.integer("maxAzs", ConfigDefaults.maxAzs(tier), 2, 3);
        if (tier.isProduction() && maxAzs < 3) {
            reader.problem("maxAzs", maxAzs + " is too few for prod; prod spreads over 3 availability zones (REL10-BP01)");
        }
        int natGateways = reader.integer("natGateways", ConfigDefaults.natGateways(tier, maxAzs), 1, 3);
        if (natGateways > maxAzs) {
            reader.problem("natGateways", natGateways + " is more than maxAzs (" + maxAzs + "); use 1 to " + maxAzs);
        }
        boolean isolated = reader.bool("isolatedSubnets", false);
        int flowLogRetention = retentionDays(reader, "flowLogRetentionDays", logs.retentionDays());
        checkProdRetention(reader, "flowLogRetentionDays", flowLogRetention, tier);
        reader.rejectUnknownKeys();
        return new NetworkConfig(cidr, maxAzs, natGateways, isolated, flowLogRetention);
    }

    private void checkCidr(FieldReader reader, String cidr) {
        var matcher = CIDR.matcher(cidr);
        boolean valid = matcher.matches();
        for (int group = 1; valid && group <= 4; group++) {
            valid = Integer.parseInt(matcher.group(group)) <= 255;
        }
        if (!valid) {
            reader.problem("cidr", "'" + cidr + "' is not an IPv4 CIDR block; write it like 10.0.0.0/16");
            return;
        }
        int prefix = Integer.parseInt(matcher.group(5));
        if (prefix < MIN_VPC_PREFIX || prefix > MAX_VPC_PREFIX) {
            reader.problem("cidr", "a /" + prefix + " VPC is not supported; use a prefix from /16 (65,536 addresses) to /23: "
                    + "subnets are 4 bits smaller than the VPC and an ALB needs subnets of /27 or larger");
            return;
        }
        long address = 0;
        for (int group = 1; group <= 4; group++) {
            address = (address << 8) | Integer.parseInt(matcher.group(group));
        }
        long hostBits = address & ((1L << (32 - prefix)) - 1);
        if (hostBits != 0) {
            long network = address & ~((1L << (32 - prefix)) - 1);
            reader.problem("cidr", "'" + cidr + "' has host bits set; the network address of this block is "
                    + ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                    + (network & 255) + "/" + prefix);
        }
    }

    private ClusterConfig cluster(FieldReader reader) {
        ContainerInsights insights = reader.choice("containerInsights", ContainerInsights.class, ConfigDefaults.CONTAINER_INSIGHTS);
        reader.rejectUnknownKeys();
        return new ClusterConfig(insights);
    }

    private LoadBalancerConfig loadBalancer(FieldReader reader, Tier tier) {
        LoadBalancerType type = reader.choice("type", LoadBalancerType.class, LoadBalancerType.APPLICATION);
        LoadBalancerScheme scheme = reader.choice("scheme", LoadBalancerScheme.class, LoadBalancerScheme.INTERNET_FACING);
        int port = reader.integer("port", ConfigDefaults.LISTENER_PORT, 1, 65535);
        int idleTimeout = reader.integer("idleTimeoutSeconds", ConfigDefaults.IDLE_TIMEOUT_SECONDS, 1, 4000);
        boolean deletionProtection = reader.bool("deletionProtection", ConfigDefaults.deletionProtection(tier));
        if (tier.isProduction() && reader.has("deletionProtection") && !deletionProtection) {
            reader.problem("deletionProtection", "false is not allowed in prod; a prod load balancer must not be deletable "
                    + "by a stray stack update (ELB.6). Remove the key");
        }
        int accessLogRetention = reader.integer("accessLogRetentionDays", ConfigDefaults.accessLogRetentionDays(tier), 1, 3650);
        reader.rejectUnknownKeys();
        return new LoadBalancerConfig(type, scheme, port, idleTimeout, deletionProtection, accessLogRetention);
    }

    private ServiceConfig service(FieldReader reader, String environmentName, String serviceName, Tier tier, String account,
                                  Map<String, LoadBalancerConfig> loadBalancers) {
        String image = reader.requiredString("image", "a container image reference, e.g. "
                + "public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine");
        boolean allowUnpinnedImage = reader.bool("allowUnpinnedImage", ConfigDefaults.ALLOW_UNPINNED_IMAGE);
        checkImage(reader, image, tier, allowUnpinnedImage);
        String family = reader.string("family", ConfigDefaults.family(environmentName, serviceName));
        if (!ECS_NAME.matcher(family).matches()) {
            reader.problem("family", "'" + family + "' is not a task definition family; use 1 to 255 letters, digits, "
                    + "hyphens and underscores");
        }
        String containerName = reader.string("containerName", ConfigDefaults.containerName(serviceName));
        if (!ECS_NAME.matcher(containerName).matches()) {
            reader.problem("containerName", "'" + containerName + "' is not a container name; use 1 to 255 letters, "
                    + "digits, hyphens and underscores");
        }
        // Empty, as print-config writes it for a service without one, means the image's own command.
        List<String> command = reader.strings("command", List.of());
        boolean behindLoadBalancer = reader.has("loadBalancer");
        if (behindLoadBalancer && !reader.has("port")) {
            reader.problem("port", "is required with loadBalancer; set it to the port the container listens on, 1 to 65535");
        }
        Optional<Integer> port = reader.optionalInteger("port", 1, 65535);
        int problemsBeforeCpu = problems.size();
        int cpu = reader.integer("cpu", ConfigDefaults.FARGATE_CPU, 1, 16384);
        boolean cpuValid = problems.size() == problemsBeforeCpu;
        List<Integer> memoryChoices = FargateSizes.memoryFor(cpu);
        if (memoryChoices.isEmpty()) {
            reader.problem("cpu", cpu + " is not a Fargate CPU size; use one of " + join(FargateSizes.cpuValues()));
            cpu = ConfigDefaults.FARGATE_CPU;
            memoryChoices = FargateSizes.memoryFor(cpu);
            cpuValid = false;
        }
        int memory = reader.integer("memory", memoryChoices.get(0), 1, 122880);
        // Memory is only checked against a cpu the user wrote correctly: against the stand-in default
        // it would report a memory problem that is not there and advise sizes that are wrong.
        if (cpuValid && reader.has("memory") && !memoryChoices.contains(memory)) {
            reader.problem("memory", memory + " is not valid with cpu " + cpu + " on Fargate; use one of " + join(memoryChoices));
        }
        String user = user(reader);
        boolean readonlyRoot = reader.bool("readonlyRootFilesystem", ConfigDefaults.READONLY_ROOT_FILESYSTEM);
        List<String> writablePaths = reader.strings("writablePaths", ConfigDefaults.writablePaths(readonlyRoot));
        checkWritablePaths(reader, writablePaths, readonlyRoot);
        Map<String, String> environment = reader.stringMap("environment");
        checkEnvironment(reader, environment);
        ServiceAccessBinder access = new ServiceAccessBinder(problems);
        Map<String, SecretConfig> secrets = access.secrets(reader, environment);
        TaskRoleConfig taskRole = access.taskRole(reader.map("taskRole"), account);
        Optional<RouteConfig> route = behindLoadBalancer ? Optional.of(route(reader, loadBalancers)) : Optional.empty();
        HealthCheckConfig healthCheck = healthCheck(reader.map("healthCheck"), port, behindLoadBalancer);
        ScalingConfig scaling = scaling(reader.map("scaling"), tier);
        List<CapacityConfig> capacity = capacity(reader);
        DeploymentConfig deployment = deployment(reader.map("deployment"), tier);
        reader.rejectUnknownKeys();
        return new ServiceConfig(image, allowUnpinnedImage, family, containerName, command, port, cpu, memory, user, readonlyRoot,
                writablePaths, environment, secrets, taskRole, route,
                healthCheck, scaling, capacity, deployment);
    }

    private void checkImage(FieldReader reader, String image, Tier tier, boolean allowUnpinnedImage) {
        if (image.isEmpty()) {
            return;
        }
        if (!IMAGE.matcher(image).matches()) {
            reader.problem("image", "'" + image + "' is not an image reference; it must not contain spaces");
            return;
        }
        ImageReference reference = ImageReference.parse(image);
        if (reference.digest().isPresent() && !ImageReference.SHA256_DIGEST.matcher(reference.digest().get()).matches()) {
            reader.problem("image", "'" + image + "' has a digest that is not sha256: followed by 64 lower-case hex digits; "
                    + "copy the digest from the registry, e.g. with docker buildx imagetools inspect");
            return;
        }
        if (tier.isProduction() && !allowUnpinnedImage && !reference.isPinned()) {
            reader.problem("image", "'" + image + "' " + (reference.tag().isPresent() ? "uses the latest tag" : "has no tag, which means latest")
                    + "; prod runs only pinned images, so that a task started later (scale-out, replacement) runs the same "
                    + "build as the others. Use a version tag or a digest (@sha256:...), or set allowUnpinnedImage: true to accept that");
        }
    }

    /**
     * Required, because AWS Control Tower's CT.ECS.PR.3 fails every container definition that does not name
     * a non-root user: the image's own user is invisible to the template, and often root.
     */
    private String user(FieldReader reader) {
        String user = reader.requiredString("user", "the non-root UID (or UID:GID) the image runs as, e.g. \"1000\" "
                + "(Control Tower CT.ECS.PR.3 requires every container to name a non-root user)");
        if (user.isEmpty()) {
            return user;
        }
        if (!USER.matcher(user).matches()) {
            reader.problem("user", "'" + user + "' is not a user; use a UID, a user name, or UID:GID such as 1000:1000");
        } else if (user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
            reader.problem("user", "'" + user + "' runs the container as root (ECS.20, CT.ECS.PR.6); use a non-root UID such as 1000");
        }
        return user;
    }

    private void checkWritablePaths(FieldReader reader, List<String> writablePaths, boolean readonlyRoot) {
        if (!readonlyRoot && !writablePaths.isEmpty()) {
            reader.problem("writablePaths", "is set but readonlyRootFilesystem is false, so the whole file system is "
                    + "writable and these paths would be ignored; remove writablePaths (or set it to [] if base.yaml sets it), "
                    + "or set readonlyRootFilesystem: true");
        }
        Map<String, String> pathByVolume = new HashMap<>();
        for (String path : writablePaths) {
            if (!path.startsWith("/") || path.equals("/")) {
                reader.problem("writablePaths", "'" + path + "' is not allowed; use absolute paths below /, such as /tmp");
                continue;
            }
            String other = pathByVolume.putIfAbsent(VolumeNames.of(path), path);
            if (path.equals(other)) {
                reader.problem("writablePaths", "'" + path + "' is listed twice");
            } else if (other != null) {
                reader.problem("writablePaths", "'" + path + "' and '" + other + "' would share the volume '" + VolumeNames.of(path)
                        + "' (ECS volume names allow only letters, digits, - and _, so other characters become -); "
                        + "list only one of them, or their common parent directory");
            }
        }
    }

    /** Names first; a value that is itself secret material is reported without repeating it. */
    private void checkEnvironment(FieldReader reader, Map<String, String> environment) {
        FieldReader variables = reader.map("environment");
        environment.forEach((name, value) -> {
            if (!ENV_NAME.matcher(name).matches()) {
                variables.problem(name, "'" + name + "' is not a valid variable name; use letters, digits and underscores, "
                        + "not starting with a digit");
            } else if (AWS_ACCESS_KEY_ID.matcher(value).find()) {
                variables.problem(name, "the value looks like an AWS access key ID; " + SECRET_ADVICE);
            } else if (URL_WITH_PASSWORD.matcher(value).find()) {
                variables.problem(name, "the value is a URL with a password in it; " + SECRET_ADVICE
                        + " (or keep the URL here without its password and pass the password as a secret)");
            } else if (FORBIDDEN_ENV.contains(name) || SECRET_LIKE.matcher(name).matches()) {
                variables.problem(name, "looks like a secret; " + SECRET_ADVICE + ", or rename the variable if it holds no secret");
            }
        });
    }

    /** Two services with one family would interleave their revisions, and each deploy would replace the other's. */
    private void checkFamilies(Map<String, ServiceConfig> services, Map<String, FieldReader> readers) {
        Map<String, String> owners = new HashMap<>();
        services.forEach((name, service) -> {
            String other = owners.putIfAbsent(service.family(), name);
            if (other != null) {
                // Reported where a family is written: a default is not what the user has to change.
                boolean here = readers.get(name).has("family") || !readers.get(other).has("family");
                readers.get(here ? name : other).problem("family", "'" + service.family() + "' is already the family of "
                        + "service '" + (here ? other : name) + "'; give each service its own task definition family");
            }
        });
    }

    /** The route of a service that has a {@code loadBalancer} key; a service without one is a worker. */
    private RouteConfig route(FieldReader service, Map<String, LoadBalancerConfig> loadBalancers) {
        FieldReader reader = service.map("loadBalancer");
        String name = reader.requiredString("name", "the key of an entry under loadBalancers"
                + (loadBalancers.isEmpty() ? " (none defined yet: add one under loadBalancers)"
                : "; defined load balancers: " + String.join(", ", loadBalancers.keySet())));
        if (!name.isEmpty() && !loadBalancers.containsKey(name)) {
            reader.problem("name", "'" + name + "' is not a load balancer of this environment; use one of "
                    + (loadBalancers.isEmpty() ? "(none defined: add one under loadBalancers)" : String.join(", ", loadBalancers.keySet())));
        }
        List<String> paths = reader.strings("paths", ConfigDefaults.ROUTE_PATHS);
        List<String> hosts = reader.strings("hosts", List.of());
        if (paths.isEmpty()) {
            reader.problem("paths", "must not be empty; use [/*] to match every path");
        }
        paths.stream().filter(p -> !p.startsWith("/")).forEach(p ->
                reader.problem("paths", "'" + p + "' must start with /"));
        hosts.stream().filter(h -> !HOST.matcher(h).matches()).forEach(h ->
                reader.problem("hosts", "'" + h + "' is not a host name; use letters, digits, dots, hyphens and the wildcards * and ?"));
        if (paths.size() + hosts.size() > MAX_RULE_VALUES) {
            reader.problem(paths.size() > hosts.size() ? "paths" : "hosts", "a listener rule can match at most "
                    + MAX_RULE_VALUES + " paths and hosts together; this has " + (paths.size() + hosts.size()));
        }
        int priority = reader.integer("priority", ConfigDefaults.ROUTE_PRIORITY, 1, 50000);
        int deregistrationDelay = reader.integer("deregistrationDelaySeconds", ConfigDefaults.DEREGISTRATION_DELAY_SECONDS, 0, 3600);
        reader.rejectUnknownKeys();
        return new RouteConfig(name, paths, hosts, priority, deregistrationDelay);
    }

    /** Listener rule priorities are unique per listener; CloudFormation would fail mid-deploy otherwise. */
    private void checkRoutePriorities(Map<String, ServiceConfig> services, Map<String, FieldReader> readers) {
        Map<String, List<String>> servicesByLoadBalancer = new LinkedHashMap<>();
        services.forEach((name, service) -> service.loadBalancer().ifPresent(route -> servicesByLoadBalancer
                .computeIfAbsent(route.name(), k -> new java.util.ArrayList<>()).add(name)));
        servicesByLoadBalancer.forEach((lb, names) -> {
            if (lb.isEmpty() || names.size() < 2) {
                return;
            }
            Map<Integer, String> owners = new HashMap<>();
            for (String name : names) {
                FieldReader route = readers.get(name).map("loadBalancer");
                if (!route.has("priority")) {
                    route.problem("priority", "is required when several services share load balancer '" + lb
                            + "' (" + String.join(", ", names) + "); give each a unique priority from 1 to 50000");
                    continue;
                }
                int priority = services.get(name).loadBalancer().orElseThrow().priority();
                String other = owners.putIfAbsent(priority, name);
                if (other != null) {
                    route.problem("priority", priority + " is already used by service '" + other
                            + "' on load balancer '" + lb + "'; priorities must be unique per load balancer");
                }
            }
        });
    }

    private HealthCheckConfig healthCheck(FieldReader reader, Optional<Integer> port, boolean behindLoadBalancer) {

        String path = reader.string("path", ConfigDefaults.HEALTH_CHECK_PATH);
        if (!HEALTH_CHECK_PATH.matcher(path).matches()) {
            reader.problem("path", "'" + path + "' is not allowed; start with / and use only letters, digits and . _ ~ / % - "
                    + "(the path is put into the container's shell health-check command and the ALB health check)");
        }
        String codes = reader.string("successCodes", ConfigDefaults.HEALTH_CHECK_SUCCESS_CODES);
        if (!SUCCESS_CODES.matcher(codes).matches()) {
            reader.problem("successCodes", "'" + codes + "' is not a list of HTTP codes; write e.g. 200, 200-299 or 200,302");
        }
        int interval = reader.integer("intervalSeconds", ConfigDefaults.HEALTH_CHECK_INTERVAL_SECONDS, 5, 300);
        int timeout = reader.integer("timeoutSeconds", ConfigDefaults.HEALTH_CHECK_TIMEOUT_SECONDS, 2, 120);
        if (timeout >= interval) {
            reader.problem(reader.has("timeoutSeconds") ? "timeoutSeconds" : "intervalSeconds", "timeoutSeconds (" + timeout
                    + ") must be less than intervalSeconds (" + interval + ")");
        }
        int healthy = reader.integer("healthyThreshold", ConfigDefaults.HEALTHY_THRESHOLD, 2, 10);
        int unhealthy = reader.integer("unhealthyThreshold", ConfigDefaults.UNHEALTHY_THRESHOLD, 2, 10);
        int grace = reader.integer("gracePeriodSeconds", ConfigDefaults.HEALTH_CHECK_GRACE_PERIOD_SECONDS, 0, 7200);
        // The default HTTP check is the load balancer's check, run inside the container; a worker's port may
        // serve metrics or gRPC and never answer GET /, so a worker gets a container check only when it says so.
        List<String> command = reader.strings("command", behindLoadBalancer
                ? port.map(p -> ConfigDefaults.containerHealthCheck(p, path)).orElse(List.of()) : List.of());
        // Empty means no container health check, as print-config writes it for a worker without one.
        if (!command.isEmpty() && (command.size() < 2 || !(command.get(0).equals("CMD") || command.get(0).equals("CMD-SHELL")))) {
            reader.problem("command", "must start with CMD or CMD-SHELL followed by the command, e.g. "
                    + "[CMD-SHELL, \"curl -f http://localhost:8080/ || exit 1\"]");
        }
        HealthCheckConfig healthCheck = new HealthCheckConfig(path, codes, interval, timeout, healthy, unhealthy, grace, command);
        if (!behindLoadBalancer) {
            // The keys that configure the load balancer's check would do nothing on a worker. Only a value other than
            // the default is reported:
            // print-config writes every default out, and its output must load back.
            Map<String, Boolean> differs = Map.of(
                    "path", !path.equals(ConfigDefaults.HEALTH_CHECK_PATH),
                    "successCodes", !codes.equals(ConfigDefaults.HEALTH_CHECK_SUCCESS_CODES),
                    "intervalSeconds", interval != ConfigDefaults.HEALTH_CHECK_INTERVAL_SECONDS,
                    "timeoutSeconds", timeout != ConfigDefaults.HEALTH_CHECK_TIMEOUT_SECONDS,
                    "healthyThreshold", healthy != ConfigDefaults.HEALTHY_THRESHOLD,
                    "unhealthyThreshold", unhealthy != ConfigDefaults.UNHEALTHY_THRESHOLD);
            differs.forEach((key, different) -> {
                if (different && reader.has(key)) {
                    reader.problem(key, "configures the load balancer's health check, and this service has no loadBalancer "
                            + "(a worker); remove it, or give the container's own check as healthCheck.command");
                }
            });
        }
        reader.rejectUnknownKeys();
        return healthCheck;
    }

    private ScalingConfig scaling(FieldReader reader, Tier tier) {
        int min = reader.integer("minTasks", ConfigDefaults.minTasks(tier), 1, 1000);
        if (tier.isProduction() && min < 2) {
            reader.problem("minTasks", min + " is too few for prod; run at least 2 tasks so one failure is not an outage (REL10-BP01)");
        }
        int max = reader.integer("maxTasks", ConfigDefaults.maxTasks(min), 1, 1000);
        if (max < min) {
            reader.problem("maxTasks", max + " is less than minTasks (" + min + "); use " + min + " or more");
        }
        int target = reader.integer("cpuTargetPercent", ConfigDefaults.CPU_TARGET_PERCENT, 10, 90);
        reader.rejectUnknownKeys();
        return new ScalingConfig(min, max, target);
    }

    private List<CapacityConfig> capacity(FieldReader service) {
        Optional<List<FieldReader>> entries = service.listOfMaps("capacity");
        if (entries.isEmpty()) {
            return ConfigDefaults.CAPACITY;
        }
        if (entries.get().isEmpty()) {
            service.problem("capacity", "must not be empty; omit it to run every task on fargate");
            return ConfigDefaults.CAPACITY;
        }
        List<CapacityConfig> capacity = new java.util.ArrayList<>();
        Set<CapacityProvider> seen = new HashSet<>();
        for (FieldReader entry : entries.get()) {
            CapacityProvider provider = entry.requiredChoice("provider", CapacityProvider.class);
            if (entry.has("provider") && !seen.add(provider)) {
                entry.problem("provider", "'" + provider.yamlName() + "' is listed twice; list each provider once");
            }
            capacity.add(new CapacityConfig(provider, entry.integer("weight", 1, 0, 1000), entry.integer("base", 0, 0, 100000)));
            entry.rejectUnknownKeys();
        }
        if (capacity.stream().allMatch(c -> c.weight() == 0)) {
            service.problem("capacity", "every weight is 0; at least one provider needs a weight of 1 or more");
        }
        if (capacity.stream().filter(c -> c.base() > 0).count() > 1) {
            service.problem("capacity", "more than one provider sets base; ECS allows a base on one provider only");
        }
        return capacity;
    }

    private DeploymentConfig deployment(FieldReader reader, Tier tier) {
        DeploymentStrategy strategy = reader.choice("strategy", DeploymentStrategy.class, ConfigDefaults.DEPLOYMENT_STRATEGY);
        int minHealthy = reader.integer("minHealthyPercent", ConfigDefaults.MIN_HEALTHY_PERCENT, 0, 100);
        if (tier.isProduction() && minHealthy < 100) {
            reader.problem("minHealthyPercent", minHealthy + " is not allowed in prod; prod keeps 100 so a deployment never "
                    + "drops below the desired capacity");
        }
        int max = reader.integer("maxPercent", ConfigDefaults.MAX_PERCENT, 100, 200);
        if (max <= minHealthy) {
            reader.problem("maxPercent", max + " must be greater than minHealthyPercent (" + minHealthy
                    + ") or a rolling deployment cannot start a new task");
        }
        reader.rejectUnknownKeys();
        return new DeploymentConfig(strategy, minHealthy, max);
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
