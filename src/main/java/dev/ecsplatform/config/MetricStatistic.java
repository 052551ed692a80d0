package dev.ecsplatform.config;

/** A CloudWatch statistic a step scaling alarm evaluates its metric with. */
public enum MetricStatistic implements YamlEnum {
    AVERAGE("average", "Average"),
    MINIMUM("minimum", "Minimum"),
    MAXIMUM("maximum", "Maximum"),
    SUM("sum", "Sum"),
    SAMPLE_COUNT("sample-count", "SampleCount");

    private final String yamlName;
    private final String cloudWatchName;

    MetricStatistic(String yamlName, String cloudWatchName) {
        this.yamlName = yamlName;
        this.cloudWatchName = cloudWatchName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** The name CloudWatch knows the statistic by. */
    public String cloudWatchName() {
        return cloudWatchName;
    }
}
