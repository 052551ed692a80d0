package dev.ecsplatform.config;

import java.util.List;

/** The fixed tables integer fields choose from ({@link OneOf}), each written once. */
public enum IntegerChoices {
    /** The retentions CloudWatch Logs accepts (PutRetentionPolicy). */
    LOG_RETENTION_DAYS("is not a retention CloudWatch Logs accepts", List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
    /** Fargate's task CPU sizes; the memory each allows is {@link FargateSizes#memoryFor(int)}. */
    FARGATE_CPU("is not a Fargate CPU size", FargateSizes.cpuValues());

    private final String problem;
    private final List<Integer> values;

    IntegerChoices(String problem, List<Integer> values) {
        this.problem = problem;
        this.values = List.copyOf(values);
    }

    /** Completes "{@code <value>} ...; use one of ...". */
    public String problem() {
        return problem;
    }

    public List<Integer> choices() {
        return values;
    }
}
