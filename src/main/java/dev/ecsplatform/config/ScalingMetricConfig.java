package dev.ecsplatform.config;

import java.util.Map;

/** The CloudWatch metric a step scaling policy's alarms watch. */
@Doc(value = "The CloudWatch metric step scaling watches, named exactly as CloudWatch lists it "
        + "(`aws cloudwatch list-metrics --namespace <namespace> --metric-name <name>`).",
        example = "{ namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible, dimensions: { QueueName: orders } }")
public record ScalingMetricConfig(
        @Required("the metric's CloudWatch namespace, e.g. AWS/SQS")
        @Matches(regex = "[A-Za-z0-9._/#:-]{1,255}", problem = "is not a CloudWatch namespace",
                allowed = "1 to 255 letters, digits and . _ / # : -, e.g. AWS/SQS")
        @Doc("The metric's namespace, e.g. `AWS/SQS`, or your application's own.")
        String namespace,

        @Required("the metric's name, e.g. ApproximateNumberOfMessagesVisible")
        @Matches(regex = "[^\\s].{0,254}", problem = "is not a CloudWatch metric name",
                allowed = "1 to 255 characters, not starting with a space")
        @Doc("The metric's name, e.g. `ApproximateNumberOfMessagesVisible`.")
        String name,

        @Default("{}")
        @Doc("The metric's dimensions, all of them: CloudWatch tells a metric by its full set of dimensions, so one "
                + "left out names another metric, which has no data. Empty for a metric without dimensions.")
        Map<String, String> dimensions,

        @Default("average")
        @Doc("The statistic the alarms compare with the steps' bounds.")
        MetricStatistic statistic,

        @Range(min = 60, max = 3600)
        @Default("60")
        @Doc(value = "The length of one data point, in seconds. AWS services publish most metrics every minute.",
                rules = "a multiple of 60")
        int periodSeconds) {

    public ScalingMetricConfig {
        dimensions = Map.copyOf(dimensions);
    }
}
