package dev.ecsplatform.loadbalancing;

import dev.ecsplatform.config.HostedZoneConfig;
import java.util.SortedMap;
import software.amazon.awscdk.services.elasticloadbalancingv2.ILoadBalancerV2;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.constructs.Construct;

/**
 * One alias A record per host name the services route, in one hosted zone, pointing at the load balancer
 * that routes the host. One construct per zone at the platform stack's top, the records keyed by name: a
 * host that two services share (by path) is one record, adding a service never moves one, and a host moving
 * to another load balancer in the zone is an in-place update of its record, not a new record beside the old.
 */
public final class HostRecords extends Construct {

    /**
     * @param zone  the hosted zone, by ID and name
     * @param hosts the distinct host names in the zone, lower case, each with the load balancer that routes it
     */
    public record Props(HostedZoneConfig zone, SortedMap<String, ILoadBalancerV2> hosts) {
    }

    public HostRecords(Construct scope, String id, Props props) {
        super(scope, id);
        IHostedZone zone = HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                .hostedZoneId(props.zone().id())
                .zoneName(props.zone().name())
                .build());
        for (var host : props.hosts().entrySet()) {
            ARecord.Builder.create(this, host.getKey().replace("*", "wildcard"))
                    .zone(zone)
                    .recordName(host.getKey())
                    .target(RecordTarget.fromAlias(new LoadBalancerTarget(host.getValue())))
                    .comment("Routed to load balancer by the platform; see the services that list this host")
                    .build();
        }
    }
}
