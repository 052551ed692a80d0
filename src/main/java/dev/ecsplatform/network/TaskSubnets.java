package dev.ecsplatform.network;

import software.amazon.awscdk.services.ec2.SubnetType;

/**
 * Where an environment's tasks run, decided by the network's egress (network.egress): private subnets behind
 * NAT without public IPs, or the public subnets with a public IPv4 address each. The platform contract hands it
 * to every service stack, so a service never guesses from subnet names.
 */
public enum TaskSubnets {
    /** Private subnets with a route to a NAT gateway or NAT instance; no public IPs. */
    PRIVATE(SubnetType.PRIVATE_WITH_EGRESS, false),
    /** The public subnets, each task with a public IPv4 address, reaching the internet through the internet gateway. */
    PUBLIC(SubnetType.PUBLIC, true);

    private final SubnetType subnetType;
    private final boolean assignPublicIp;

    TaskSubnets(SubnetType subnetType, boolean assignPublicIp) {
        this.subnetType = subnetType;
        this.assignPublicIp = assignPublicIp;
    }

    /** The subnet type tasks are placed in. */
    public SubnetType subnetType() {
        return subnetType;
    }

    /** Whether each task gets a public IPv4 address (ECS {@code assignPublicIp}). */
    public boolean assignPublicIp() {
        return assignPublicIp;
    }
}
