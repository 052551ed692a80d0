package dev.ecsplatform.loadbalancing;

import dev.ecsplatform.config.HostedZoneConfig;
import java.util.SortedSet;
import software.amazon.awscdk.services.elasticloadbalancingv2.ILoadBalancerV2;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.constructs.Construct;

/**
 * One alias A record per host name the services route on a load balancer, in its configured hosted zone.
 * The records live next to the load balancer in the platform stack: a host that two services share (by
 * path) is one record, and a record's logical ID follows its name, so adding a service never moves one.
 */
public final class HostRecords extends Construct {

    /**
     * @param zone         the hosted zone, by ID and name
     * @param hosts        the distinct host names routed on the load balancer, lower case
     * @param loadBalancer the load balancer the records point at
     */
    public record Props(HostedZoneConfig zone, SortedSet<String> hosts, ILoadBalancerV2 loadBalancer) {
    }

    public HostRecords(Construct scope, String id, Props props) {
        super(scope, id);
        IHostedZone zone = HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                .hostedZoneId(props.zone().id())
                .zoneName(props.zone().name())
                .build());
        for (String host : props.hosts()) {
            ARecord.Builder.create(this, host.replace("*", "wildcard"))
                    .zone(zone)
                    .recordName(host)
                    .target(RecordTarget.fromAlias(new LoadBalancerTarget(props.loadBalancer())))
                    .comment("Routed to load balancer by the platform; see the services that list this host")
                    .build();
        }
    }
}
