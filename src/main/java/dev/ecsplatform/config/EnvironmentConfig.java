package dev.ecsplatform.config;

import java.util.Map;

/**
 * The effective configuration of one environment: the shared base file deep-merged with the environment's
 * own file, validated, with every default applied. Each component's {@link Doc} and annotations are the one
 * definition of its key, from which the binder, the JSON Schema and the reference are derived (ADR 0008).
 */
@Doc("An environment: its account, region and network, and the services it runs.")
public record EnvironmentConfig(
        @Derived String name,

        @Required
        @Doc("How much the environment matters; chooses the safety defaults (termination protection, retained log "
                + "groups, NAT gateways per AZ, at least two tasks). Usually set in the environment file, not in `base.yaml`.")
        Tier tier,

        @Required("the 12-digit AWS account ID, in quotes")
        @Matches(regex = "[0-9]{12}", problem = "is not an AWS account ID", allowed = "exactly 12 digits, in quotes")
        @Doc("The AWS account ID the environment deploys to.")
        String account,

        @Required("an AWS region such as eu-west-1")
        @Doc(value = "The AWS region the environment deploys to. A region AWS has just opened is accepted once the "
                + "pinned aws-cdk-lib knows it.",
                rules = "a region of aws-cdk-lib's fact table (`RegionInfo`), e.g. `eu-west-1`, `us-gov-west-1`")
        String region,

        @Required("the owning team, e.g. platform-team (written to the owner tag)")
        @Doc(value = "The team that owns the environment, written to the `owner` tag of every resource, so it follows the "
                + "tag value rules of ECS and most AWS services.",
                rules = "1 to 256 characters: letters, digits, spaces and `+ - = . _ : / @`")
        String owner,

        @Default("{}")
        @Doc("Log retention.")
        LogsConfig logs,

        @Default("{}")
        @Doc("The VPC.")
        NetworkConfig network,

        @Default("{}")
        @Doc("The ECS cluster.")
        ClusterConfig cluster,

        @Default("{}")
        @KeysMatch(regex = CommonFieldValues.NAME, problem = "is not a valid load balancer name",
                allowed = CommonFieldValues.NAME_ALLOWED)
        @Doc(value = "The shared load balancers by name; services pick one by name.")
        Map<String, LoadBalancerConfig> loadBalancers,

        // Before services: each service's alarm thresholds default to these.
        @Default("{}")
        @Doc("The alarms of every service: where notifications go, and the thresholds a service uses unless it sets its own.")
        AlarmsConfig alarms,

        @Default("{}")
        @KeysMatch(regex = CommonFieldValues.NAME, problem = "is not a valid service name",
                allowed = CommonFieldValues.NAME_ALLOWED)
        @Doc(value = "The services by name; each becomes its own stack.")
        Map<String, ServiceConfig> services) {

    public EnvironmentConfig {
        loadBalancers = Map.copyOf(loadBalancers);
        services = Map.copyOf(services);
    }
}
