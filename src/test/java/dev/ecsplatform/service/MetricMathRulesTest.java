package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.GoldenTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What CloudWatch and Application Auto Scaling accept of a metric-math alarm or scaling metric, and what makes such an
 * alarm able to fire, checked on every alarm and customized scaling metric of every service stack of the fixtures and
 * the team's goldens: a failure here is a stack that would not deploy, or an alarm that would never go off.
 *
 * <ul>
 *   <li>Exactly one query returns data (PutMetricAlarm Metrics; TargetTrackingMetricDataQuery ReturnData).</li>
 *   <li>At most 10 metrics in an alarm's expression ("A math expression used for an alarm can include as many as 10
 *       metrics"), all with the same period (CloudWatch User Guide, alarms on math expressions).</li>
 *   <li>Every query is a metric or an expression, never both, and every alarm's metric has its period.</li>
 *   <li>An alarm whose expression fills missing data ({@code FILL}) needs fewer breaching points than it evaluates: the
 *       newest minute, not published yet, is filled with the good value (CloudWatch User Guide, metric math, FILL).</li>
 * </ul>
 */
class MetricMathRulesTest {

    private static final List<Map.Entry<String, JsonNode>> RESOURCES = new ArrayList<>();

    @BeforeAll
    static void collect() throws IOException {
        Fixtures.stages().forEach((environment, stage) -> stage.services().forEach((service, stack) -> add(
                environment + "/" + service, GoldenTemplates.JSON.valueToTree(Fixtures.template(stack).toJSON()))));
        try (Stream<Path> files = Files.walk(GoldenTemplates.DIRECTORY)) {
            for (Path file : files.filter(path -> path.getFileName().toString().contains("-service-")).sorted().toList()) {
                add("golden " + file.getFileName(), GoldenTemplates.read(file));
            }
        }
    }

    private static void add(String where, JsonNode template) {
        Iterator<Map.Entry<String, JsonNode>> resources = template.path("Resources").fields();
        resources.forEachRemaining(entry -> RESOURCES.add(Map.entry(where + " " + entry.getKey(), entry.getValue())));
    }

    private static List<Map.Entry<String, JsonNode>> ofType(String type) {
        return RESOURCES.stream().filter(entry -> entry.getValue().path("Type").asText().equals(type)).toList();
    }

    @Test
    void everyMetricMathAlarmIsOneThatCloudWatchAcceptsAndThatCanFire() {
        List<Map.Entry<String, JsonNode>> alarms = ofType("AWS::CloudWatch::Alarm").stream()
                .filter(entry -> entry.getValue().path("Properties").has("Metrics")).toList();
        assertThat(alarms).hasSizeGreaterThan(100);
        // The FILL rule below is checked on alarms that exist
        assertThat(alarms).as("alarms whose expression fills missing data").anySatisfy(alarm -> assertThat(
                alarm.getValue().path("Properties").path("Metrics").toString()).contains("FILL("));
        for (Map.Entry<String, JsonNode> alarm : alarms) {
            JsonNode properties = alarm.getValue().path("Properties");
            List<JsonNode> queries = new ArrayList<>();
            properties.path("Metrics").forEach(queries::add);
            assertThat(queries.stream().filter(query -> query.path("ReturnData").asBoolean(true)).count())
                    .as("%s returns exactly one series", alarm.getKey()).isEqualTo(1);
            List<JsonNode> metrics = queries.stream().filter(query -> query.has("MetricStat")).toList();
            assertThat(metrics).as("%s has at most 10 metrics", alarm.getKey()).hasSizeBetween(1, 10);
            assertThat(metrics).as("%s: every metric has the same period", alarm.getKey())
                    .allSatisfy(metric -> assertThat(metric.path("MetricStat").path("Period").asInt()).isEqualTo(60));
            assertThat(queries).as("%s: a metric or an expression each", alarm.getKey())
                    .allSatisfy(query -> assertThat(query.has("MetricStat") ^ query.has("Expression")).isTrue());
            boolean fills = queries.stream().anyMatch(query -> query.path("Expression").asText().contains("FILL("));
            if (fills) {
                assertThat(properties.path("DatapointsToAlarm").asInt())
                        .as("%s fills missing data, so it must not need every evaluated minute to breach", alarm.getKey())
                        .isLessThan(properties.path("EvaluationPeriods").asInt());
            }
        }
    }

    @Test
    void everyCustomizedScalingMetricReturnsOneSeries() {
        List<JsonNode> specifications = ofType("AWS::ApplicationAutoScaling::ScalingPolicy").stream()
                .map(entry -> entry.getValue().path("Properties").path("TargetTrackingScalingPolicyConfiguration")
                        .path("CustomizedMetricSpecification"))
                .filter(specification -> specification.has("Metrics")).toList();
        assertThat(specifications).isNotEmpty();
        for (JsonNode specification : specifications) {
            List<JsonNode> queries = new ArrayList<>();
            specification.path("Metrics").forEach(queries::add);
            assertThat(queries.stream().filter(query -> query.path("ReturnData").asBoolean(true)).count()).isEqualTo(1);
            assertThat(queries).allSatisfy(query -> assertThat(query.has("MetricStat") ^ query.has("Expression")).isTrue());
        }
    }
}
