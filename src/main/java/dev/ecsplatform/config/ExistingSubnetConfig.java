package dev.ecsplatform.config;

import java.util.Optional;

/** One subnet of an existing VPC, given with what CDK would otherwise have to look up. */
@Doc(value = "One subnet of the existing VPC, given with what synth would otherwise look up: its availability zone, and "
        + "its route table where a gateway endpoint needs it.",
        example = "{ id: subnet-0123456789abcdef0, availabilityZone: eu-west-1a }")
public record ExistingSubnetConfig(
        @Required("the subnet's ID, e.g. subnet-0123456789abcdef0")
        @Matches(regex = CommonFieldValues.SUBNET_ID, problem = "is not a subnet ID",
                allowed = CommonFieldValues.SUBNET_ID_ALLOWED)
        @Doc(value = "The subnet's ID.", rules = "each subnet once, in one tier")
        String id,

        @Required("the subnet's availability zone name, e.g. eu-west-1a (aws ec2 describe-subnets shows it)")
        @Matches(regex = "[a-z]{2,4}(-[a-z]+){1,2}-[0-9]{1,2}[a-z]", problem = "is not an availability zone name",
                allowed = "the region followed by a letter, e.g. eu-west-1a (a zone name, not a zone ID such as euw1-az1)")
        @Doc(value = "The subnet's availability zone name. Given, not looked up, so that synth stays offline.",
                rules = "in the environment's region; one subnet per zone in each tier (load balancers and interface "
                        + "endpoints take one subnet per zone)")
        String availabilityZone,

        @Matches(regex = "rtb-([0-9a-f]{8}|[0-9a-f]{17})", problem = "is not a route table ID",
                allowed = "rtb- followed by 8 or 17 lower-case hex digits, e.g. rtb-0123456789abcdef0")
        @Doc(value = "The ID of the subnet's route table. Exported with the subnet when given.",
                rules = "required on the private subnets with the `s3` endpoint, whose gateway adds a route to them",
                omitted = "none: nothing is routed through this product")
        Optional<String> routeTableId) {
}
