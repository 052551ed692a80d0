package dev.ecsplatform.config;

import java.util.Map;

/**
 * The effective configuration of one environment: the shared base file deep-merged with the
 * environment's own file, validated, with every default applied.
 *
 * @param name          the environment's name, taken from its file name ({@code environments/dev.yaml} is {@code dev});
 *                      prefixes every stack name
 * @param tier          {@code dev}, {@code test} or {@code prod}; required. Chooses the safety defaults
 * @param account       the 12-digit AWS account ID; required
 * @param region        the AWS region, e.g. {@code eu-west-1}; required
 * @param owner         the team that owns the environment, written to the {@code owner} tag; required
 * @param network       the VPC; omitted means all network defaults
 * @param cluster       the ECS cluster; omitted means all cluster defaults
 * @param logs          log retention; omitted means 30 days outside prod and 365 days in prod
 * @param loadBalancers the shared load balancers by name; services pick one by name. Omitted means none
 * @param services      the services by name; each becomes its own stack. Omitted means none
 */
public record EnvironmentConfig(
        @Derived String name,
        Tier tier,
        String account,
        String region,
        String owner,
        NetworkConfig network,
        ClusterConfig cluster,
        LogsConfig logs,
        Map<String, LoadBalancerConfig> loadBalancers,
        Map<String, ServiceConfig> services) {

    public EnvironmentConfig {
        loadBalancers = Map.copyOf(loadBalancers);
        services = Map.copyOf(services);
    }
}
