package dev.ecsplatform.config;

import java.util.List;

/** Step scaling: tasks added or removed in steps as a CloudWatch metric crosses the steps' bounds. */
@Doc(value = "Adds or removes tasks in steps as a CloudWatch metric of your choice crosses bounds, e.g. a queue's "
        + "backlog. Next to target tracking: Application Auto Scaling follows whichever policy asks for the most "
        + "tasks. The steps become one CloudWatch alarm for the steps above the range where nothing changes and one "
        + "for those below it, each acting through a step scaling policy.",
        example = "{ metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }, steps: [{ upper: 10, change: -1 }, { lower: 100, change: 2 }] }")
public record StepScalingConfig(
        @Required("the CloudWatch metric to watch, e.g. { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible, "
                + "dimensions: { QueueName: orders } }")
        @Doc("The metric the steps' bounds apply to.")
        ScalingMetricConfig metric,

        @Required("the steps, in ascending order, e.g. [{ upper: 10, change: -1 }, { lower: 100, change: 2 }]")
        @Doc(value = "The steps, in ascending order of their bounds. Between them there may be one range where nothing "
                + "changes (a gap, or a step with `change: 0`), below the first step or above the last one.",
                rules = "2 to 40 steps; ascending and not overlapping; at most one range without change")
        List<ScalingStepConfig> steps,

        @Range(min = 0, max = 3600)
        @Default("300")
        @Doc("Seconds after a step scaling activity before the next: within it, only a larger step adds tasks again, "
                + "and no tasks are removed. 300 is Application Auto Scaling's own default.")
        int cooldownSeconds,

        @Range(min = 1, max = 10)
        @Default("1")
        @Doc("How many consecutive data points must be in a step before it acts.")
        int evaluationPeriods) {

    public StepScalingConfig {
        steps = List.copyOf(steps);
    }
}
