package dev.ecsplatform.config;

/** A Route 53 hosted zone, given by ID and name so that synth needs no lookup. */
@Doc("A Route 53 hosted zone the load balancer's host names live in, given by ID and name (synth looks nothing up). "
        + "Every host a service routes on this load balancer gets an alias A record in it.")
public record HostedZoneConfig(
        @Required("the hosted zone's ID, e.g. Z0123456789ABCDEFGHIJ (Route 53 console or aws route53 list-hosted-zones)")
        @Matches(regex = "Z[A-Z0-9]{1,31}", problem = "is not a hosted zone ID", allowed = "Z followed by upper-case letters "
                + "and digits, e.g. Z0123456789ABCDEFGHIJ")
        @Doc("The hosted zone's ID.")
        String id,

        @Required("the zone's domain name, e.g. example.com")
        @Matches(regex = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}", problem = "is not a domain name",
                allowed = "lower-case labels separated by dots, without the trailing dot, e.g. example.com")
        @Doc("The zone's domain name; every host must be it or end with `.` and it.")
        String name) {
}
