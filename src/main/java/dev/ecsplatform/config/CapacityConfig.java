package dev.ecsplatform.config;

/** One entry of a service's capacity provider strategy. */
@Doc("One entry of the capacity provider strategy.")
public record CapacityConfig(
        @Required
        @Doc("The capacity provider.")
        CapacityProvider provider,

        @Range(min = 0, max = 1000)
        @Default("1")
        @Doc("Relative share of tasks placed on this provider.")
        int weight,

        @Range(min = 0, max = 100000)
        @Default("0")
        @Doc(value = "Tasks placed on this provider before weights apply.", rules = "on one entry only")
        int base) {
}
