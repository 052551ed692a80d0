package dev.ecsplatform.stage;

import dev.ecsplatform.config.EnvironmentConfig;

/**
 * The one place stack names are made. CloudFormation allows 128 characters of letters, digits and
 * hyphens; environment and service names are at most 20 characters each (enforced by the config
 * loader), so every name here stays far below the limit and reads well in {@code cdk ls}:
 * {@code dev/platform (dev-platform)}, {@code dev/service-web (dev-service-web)}.
 */
public final class StackNames {

    /** The construct ID of the platform stack inside its stage. */
    public static final String PLATFORM_ID = "platform";

    private static final String SERVICE_PREFIX = "service-";

    private StackNames() {
    }

    /** The stack with what an environment's services share: network, cluster, load balancers. */
    public static String platform(EnvironmentConfig environment) {
        return environment.name() + "-" + PLATFORM_ID;
    }

    /** The construct ID of a service's stack inside its stage. */
    public static String serviceId(String serviceName) {
        return SERVICE_PREFIX + serviceName;
    }

    /** The stack of one service. */
    public static String service(EnvironmentConfig environment, String serviceName) {
        return environment.name() + "-" + serviceId(serviceName);
    }
}
