package dev.ecsplatform.config;

import java.util.List;

/** Tasks on AWS Fargate, on demand, on Fargate Spot, or a mix of both. */
@VariantName("fargate")
@Doc("Tasks on AWS Fargate: on demand, on Fargate Spot, or a mix by capacity-provider strategy, in private subnets "
        + "without public IPs.")
public record FargateConfig(
        @OneOf(IntegerChoices.FARGATE_CPU)
        @Default("256")
        @Doc("Fargate CPU units (1024 = 1 vCPU).")
        int cpu,

        @Range(min = 1, max = 122880)
        @Default(computed = "defaultMemory", means = "the smallest size valid for `cpu` (512 with cpu 256)")
        @Doc(value = "Fargate memory in MiB.", rules = "a size Fargate accepts with `cpu`, see the table below")
        int memory,

        @Default("[{provider: fargate}]")
        @NotEmpty("omit it to run every task on fargate")
        @Doc(value = "The capacity provider strategy; the list replaces the base list whole.",
                rules = "each provider once; at least one weight above 0; `base` on one entry only")
        List<CapacityConfig> capacity) implements ComputeConfig {

    public FargateConfig {
        capacity = List.copyOf(capacity);
    }

    static int defaultMemory(DefaultContext context) {
        List<Integer> sizes = FargateSizes.memoryFor(context.sibling("cpu", Integer.class));
        return sizes.isEmpty() ? 512 : sizes.get(0);
    }
}
