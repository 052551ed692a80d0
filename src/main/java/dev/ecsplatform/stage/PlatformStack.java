package dev.ecsplatform.stage;

import dev.ecsplatform.alarms.AlarmTopic;
import dev.ecsplatform.cluster.EcsCluster;
import dev.ecsplatform.logging.LogStorage;
import dev.ecsplatform.config.ClusterConfig;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.LoadBalancerScheme;
import dev.ecsplatform.loadbalancing.AccessLogBucket;
import dev.ecsplatform.config.HostedZoneConfig;
import dev.ecsplatform.loadbalancing.HostRecords;
import dev.ecsplatform.loadbalancing.PlatformLoadBalancer;
import dev.ecsplatform.loadbalancing.SharedLoadBalancer;
import dev.ecsplatform.loadbalancing.SharedNetworkLoadBalancer;
import dev.ecsplatform.network.Network;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.ILoadBalancerV2;
import software.constructs.Construct;

/**
 * What an environment's services share and what lives long: the VPC, the ECS cluster, the load
 * balancers and their access-log bucket, and the topic every alarm of the environment notifies.
 *
 * <p>Service stacks see it only through {@link PlatformExports}, whose exports do not depend on which
 * services exist. The cluster sits with the network rather than with a service: it outlives every service, and
 * a service stack must be deletable without touching anything another service uses.
 */
public final class PlatformStack extends Stack {

    private final Network network;
    private final EcsCluster cluster;
    private final Map<String, PlatformLoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final AlarmTopic alarmTopic;
    private final PlatformExports exports;

    public PlatformStack(Construct scope, String id, StackProps props, EnvironmentConfig environment) {
        super(scope, id, props);
        // Prod log groups are KMS-encrypted (NIST 800-53 AU-9(3), CT.CLOUDWATCH.PR.3); dev and test keep
        // CloudWatch's service-managed encryption and save a key per stack.
        this.network = new Network(this, "Network", new Network.Props(environment.network(),
                LogStorage.forStack(this, environment.tier())));
        ConfigSources.record(this, environment, "");
        ConfigSources.record(network, environment, "network");
        ClusterConfig clusterConfig = environment.cluster();
        this.cluster = new EcsCluster(this, "Cluster", new EcsCluster.Props(clusterConfig, network.vpc(), environment.name()));
        ConfigSources.record(cluster, environment, "cluster");
        if (!environment.loadBalancers().isEmpty()) {
            // Each load balancer logs under its own name as prefix, with its own expiry.
            Map<String, Integer> expirationDaysByPrefix = new TreeMap<>();
            environment.loadBalancers().forEach((name, lb) -> expirationDaysByPrefix.put(name, lb.accessLogRetentionDays()));
            AccessLogBucket accessLogs = new AccessLogBucket(this, "AccessLogs", new AccessLogBucket.Props(expirationDaysByPrefix));
            ConfigSources.record(accessLogs, environment, "loadBalancers.<name>.accessLogRetentionDays");
            new TreeMap<>(environment.loadBalancers()).forEach((name, config) -> {
                SubnetSelection subnets = network.subnets(config.scheme() == LoadBalancerScheme.INTERNET_FACING
                        ? SubnetType.PUBLIC : SubnetType.PRIVATE_WITH_EGRESS);
                loadBalancers.put(name, switch (config.type()) {
                    case APPLICATION -> new SharedLoadBalancer(this, "LoadBalancer-" + name,
                            new SharedLoadBalancer.Props(name, config, network.vpc(), subnets, accessLogs));
                    case NETWORK -> new SharedNetworkLoadBalancer(this, "LoadBalancer-" + name,
                            new SharedNetworkLoadBalancer.Props(name, config, network.vpc(), subnets, accessLogs));
                });
            });
        }
        loadBalancers.forEach((name, loadBalancer) -> ConfigSources.record(loadBalancer, environment, "loadBalancers." + name));
        // Alias records for every host the services route on a load balancer with a hosted zone: here in the
        // platform, so a host two services share is one record (exports stay independent of services), one
        // construct per zone keyed by host, so a host that moves between load balancers updates in place.
        Map<String, HostedZoneConfig> zones = new TreeMap<>();
        Map<String, java.util.SortedMap<String, ILoadBalancerV2>> hostsByZone = new TreeMap<>();
        environment.loadBalancers().forEach((name, config) -> config.hostedZone().ifPresent(zone -> {
            // Only application load balancers route by host; the loader rejects hostedZone on a network one.
            SharedLoadBalancer application = (SharedLoadBalancer) loadBalancers.get(name);
            zones.put(zone.id(), zone);
            environment.services().values().forEach(service -> service.traffic().alb()
                    .filter(route -> route.loadBalancer().equals(name))
                    .ifPresent(route -> route.hosts().forEach(host -> hostsByZone.computeIfAbsent(zone.id(), z -> new TreeMap<>())
                            .put(host.toLowerCase(java.util.Locale.ROOT), application.loadBalancer()))));
        }));
        hostsByZone.forEach((zoneId, hosts) -> new HostRecords(this, "Dns-" + zoneId, new HostRecords.Props(zones.get(zoneId), hosts)));
        // One topic per environment for every service's alarms; its ARN is part of the contract, whatever services exist.
        this.alarmTopic = new AlarmTopic(this, "AlarmTopic", new AlarmTopic.Props(environment.name(), environment.tier(),
                environment.alarms().notifications()));
        ConfigSources.record(alarmTopic, environment, "alarms.notifications");
        this.exports = PlatformExports.publish(this, environment);
    }

    /** What service stacks may import from this stack. */
    public PlatformExports exports() {
        return exports;
    }

    /** The network. */
    public Network network() {
        return network;
    }

    /** The cluster. */
    public EcsCluster cluster() {
        return cluster;
    }

    /** The environment's alarm topic. */
    public AlarmTopic alarmTopic() {
        return alarmTopic;
    }

    /** The load balancers by their name in the environment file. */
    public Map<String, PlatformLoadBalancer> loadBalancers() {
        return Collections.unmodifiableMap(loadBalancers);
    }
}
