package dev.ecsplatform.config;

import java.util.List;

/**
 * Every default of the environment files, in one place. Each value says why it was chosen; the
 * config reference ({@code docs/configuration.md}) documents the same values by behaviour.
 */
public final class ConfigDefaults {

    private ConfigDefaults() {
    }

    public static final String VPC_CIDR = "10.0.0.0/16";

    /** Prod spreads over three AZs so losing one leaves two thirds of capacity (REL10-BP01). */
    public static int maxAzs(Tier tier) {
        return tier.isProduction() ? 3 : 2;
    }

    /** One NAT gateway saves ~$32/month per AZ outside prod; prod keeps one per AZ so an AZ outage stays local. */
    public static int natGateways(Tier tier, int maxAzs) {
        return tier.isProduction() ? maxAzs : 1;
    }

    /** Copilot's 30 days outside prod; a year in prod, which AWS Control Tower's CT.CLOUDWATCH.PR.2 asks for. */
    public static int logRetentionDays(Tier tier) {
        return tier.isProduction() ? 365 : 30;
    }

    public static final ContainerInsights CONTAINER_INSIGHTS = ContainerInsights.ENABLED;

    public static final int LISTENER_PORT = 80;

    /** The ELB default. */
    public static final int IDLE_TIMEOUT_SECONDS = 60;

    public static boolean deletionProtection(Tier tier) {
        return tier.isProduction();
    }

    public static int accessLogRetentionDays(Tier tier) {
        return tier.isProduction() ? 365 : 90;
    }

    /** Prod pins images unless a service opts out explicitly; outside prod the flag changes nothing. */
    public static final boolean ALLOW_UNPINNED_IMAGE = false;

    /**
     * The task definition family: prefixed by the environment, because a family is one per account and
     * region, and two environments may share an account.
     */
    public static String family(String environment, String service) {
        return environment + "-" + service;
    }

    /** The container is named after its service, which logs and the console show. */
    public static String containerName(String service) {
        return service;
    }

    public static final int FARGATE_CPU = 256;

    public static final boolean READONLY_ROOT_FILESYSTEM = true;

    /** Most runtimes need a scratch directory; everything else stays read-only. */
    public static final List<String> WRITABLE_PATHS = List.of("/tmp");

    /**
     * {@link #WRITABLE_PATHS} on a read-only root file system; none on a writable one, where a path
     * would be ignored (and writing one out is rejected), so the effective config stays loadable.
     */
    public static List<String> writablePaths(boolean readonlyRootFilesystem) {
        return readonlyRootFilesystem ? WRITABLE_PATHS : List.of();
    }

    public static final List<String> ROUTE_PATHS = List.of("/*");

    /** Used when a service is alone on its load balancer. */
    public static final int ROUTE_PRIORITY = 100;

    /**
     * 30 s instead of ELB's 300 s: long enough for in-flight HTTP requests to finish, and each
     * rolling batch stops waiting 4.5 minutes for connections that are long gone.
     */
    public static final int DEREGISTRATION_DELAY_SECONDS = 30;

    public static final String HEALTH_CHECK_PATH = "/";
    public static final String HEALTH_CHECK_SUCCESS_CODES = "200-399";

    /**
     * 10 s interval with 2 healthy checks: a new task takes traffic ~20 s after it starts answering,
     * instead of 150 s (5 checks x 30 s) with ELB's defaults.
     */
    public static final int HEALTH_CHECK_INTERVAL_SECONDS = 10;
    public static final int HEALTH_CHECK_TIMEOUT_SECONDS = 5;
    public static final int HEALTHY_THRESHOLD = 2;
    public static final int UNHEALTHY_THRESHOLD = 2;

    /** Copilot's value: enough for a JVM or Node service to boot before failing checks count. */
    public static final int HEALTH_CHECK_GRACE_PERIOD_SECONDS = 60;

    /** The container check, portable across images that ship curl or only BusyBox wget. */
    public static List<String> containerHealthCheck(int port, String path) {
        String url = "http://localhost:" + port + path;
        return List.of("CMD-SHELL", "curl -fsS " + url + " > /dev/null || wget -q -O /dev/null " + url + " || exit 1");
    }

    /** Prod keeps two tasks so a task or AZ failure never takes the service down (REL10-BP01). */
    public static int minTasks(Tier tier) {
        return tier.isProduction() ? 2 : 1;
    }

    public static int maxTasks(int minTasks) {
        return Math.min(1000, minTasks * 4);
    }

    public static final int CPU_TARGET_PERCENT = 70;

    public static final List<CapacityConfig> CAPACITY = List.of(new CapacityConfig(CapacityProvider.FARGATE, 1, 0));

    public static final DeploymentStrategy DEPLOYMENT_STRATEGY = DeploymentStrategy.ROLLING;

    /** Never drop below the desired count during a deployment (CDK's default of 50 halves capacity). */
    public static final int MIN_HEALTHY_PERCENT = 100;

    public static final int MAX_PERCENT = 200;
}
