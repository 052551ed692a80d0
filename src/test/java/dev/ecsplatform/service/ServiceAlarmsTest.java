package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsplatform.config.LoadBalancerType;
import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** A service's golden-signal alarms, where they notify, and which of them roll a deployment back. */
class ServiceAlarmsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template web = Fixtures.service("dev", "web");

    @Test
    void aServiceBehindAnAlbHasEverySignalNamedByEnvironmentServiceAndSignal() {
        assertThat(alarmNames(web)).containsExactlyInAnyOrder("dev-web-5xx-rate", "dev-web-p99-latency",
                "dev-web-unhealthy-hosts", "dev-web-no-healthy-hosts", "dev-web-tasks-below-desired", "dev-web-cpu-high",
                "dev-web-memory-high");
    }

    @Test
    void everyAlarmNotifiesTheEnvironmentsTopicOnAlarmAndOkAndAQuietServiceIsNotInAlarm() {
        Map<String, Map<String, Object>> alarms = web.findResources("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSize(7);
        Map<String, Object> topic = Map.of("Fn::ImportValue", "dev-platform:AlarmTopicArn");
        alarms.values().forEach(alarm -> assertThat(properties(alarm))
                .containsEntry("AlarmActions", List.of(topic))
                .containsEntry("OKActions", List.of(topic))
                .containsEntry("ActionsEnabled", true)
                .containsEntry("TreatMissingData", "notBreaching")
                .doesNotContainKey("InsufficientDataActions"));
    }

    @Test
    void theFiveXxRateIsTargetErrorsOverRequestsOfTheRoutesTargetGroupIgnoringQuietMinutes() {
        List<Object> dimensions = List.of(
                Map.of("Name", "LoadBalancer", "Value", Map.of("Fn::ImportValue", "dev-platform:LoadBalancer-public:FullName")),
                Map.of("Name", "TargetGroup", "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TrafficTargetGroup"),
                        "TargetGroupFullName"))));
        web.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dev-web-5xx-rate",
                // 3 breaching minutes of the last 4: the newest minute is often filled with 0 before ELB publishes it
                "Threshold", 5, "ComparisonOperator", "GreaterThanThreshold", "EvaluationPeriods", 4, "DatapointsToAlarm", 3,
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("ReturnData", true, "Expression",
                                "IF((FILL(r0primary, 0)) >= 10, 100 * (FILL(e0primary, 0)) / (FILL(r0primary, 0)), 0)")),
                        Match.objectLike(Map.of("Id", "e0primary", "MetricStat", Map.of("Period", 60, "Stat", "Sum",
                                "Metric", Map.of("Namespace", "AWS/ApplicationELB",
                                        "MetricName", "HTTPCode_Target_5XX_Count", "Dimensions", dimensions)))),
                        Match.objectLike(Map.of("Id", "r0primary", "MetricStat", Match.objectLike(Map.of(
                                "Metric", Match.objectLike(Map.of("MetricName", "RequestCount"))))))))));
    }

    @Test
    void theP99LatencyIsInMillisecondsAndTheUnhealthyHostsAreWhatEveryNodeSees() {
        web.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dev-web-p99-latency", "Threshold", 2000,
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "IF((FILL(r0primary, 0)) >= 10, 1000 * p0primary, 0)")),
                        Match.objectLike(Map.of("Id", "p0primary", "MetricStat", Match.objectLike(Map.of("Stat", "p99",
                                "Metric", Match.objectLike(Map.of("MetricName", "TargetResponseTime"))))))))));
        web.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dev-web-unhealthy-hosts", "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "EvaluationPeriods", 3, "DatapointsToAlarm", 2,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "u0primary", "MetricStat", Match.objectLike(Map.of(
                        "Stat", "Minimum", "Metric", Match.objectLike(Map.of("MetricName", "UnHealthyHostCount"))))))))));
    }

    @Test
    void noHealthyHostIsAnAlarmOnlyWhileTheServiceWantsTasks() {
        web.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dev-web-no-healthy-hosts", "EvaluationPeriods", 3, "DatapointsToAlarm", 2,
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "IF(FILL(desired, 0) >= 1 AND FILL(healthy, 0) < 1, 1, 0)")),
                        Match.objectLike(Map.of("Id", "desired", "MetricStat", Match.objectLike(Map.of(
                                "Metric", Match.objectLike(Map.of("Namespace", "ECS/ContainerInsights",
                                        "MetricName", "DesiredTaskCount"))))))))));
    }

    @Test
    void tasksBelowDesiredCpuAndMemoryWatchTheServiceItself() {
        List<Object> serviceDimensions = List.of(
                Map.of("Name", "ClusterName", "Value", Map.of("Fn::ImportValue", "dev-platform:ClusterName")),
                Map.of("Name", "ServiceName", "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Service"), "Name"))));
        web.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dev-web-tasks-below-desired", "Threshold", 0, "ComparisonOperator", "GreaterThanThreshold",
                "EvaluationPeriods", 11, "DatapointsToAlarm", 10,
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "FILL(desired, 0) - FILL(running, 0)")),
                        Match.objectLike(Map.of("Id", "running", "MetricStat", Match.objectLike(Map.of("Metric", Map.of(
                                "Namespace", "ECS/ContainerInsights", "MetricName", "RunningTaskCount",
                                "Dimensions", serviceDimensions)))))))));
        web.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dev-web-cpu-high", "Namespace", "AWS/ECS", "MetricName", "CPUUtilization", "Statistic", "Average",
                "Period", 60, "Threshold", 90, "EvaluationPeriods", 5, "DatapointsToAlarm", 5,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        web.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "dev-web-memory-high", "MetricName", "MemoryUtilization", "Threshold", 90));
    }

    @Test
    void prodDefaultsAreTighter() {
        Template prod = Fixtures.service("prod", "web");
        prod.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "prod-web-5xx-rate", "Threshold", 2));
        prod.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "prod-web-tasks-below-desired",
                "EvaluationPeriods", 6, "DatapointsToAlarm", 5));
    }

    @Test
    void aServiceTakesTheEnvironmentsThresholdsUnlessItSetsItsOwn() {
        // fixtures/environments/alarms.yaml: the environment sets p99 3000 ms and CPU 85%; web sets p99 800 ms and 1%.
        Template alarmsWeb = Fixtures.service("alarms", "web");
        alarmsWeb.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "alarms-web-p99-latency", "Threshold", 800));
        alarmsWeb.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "alarms-web-5xx-rate", "Threshold", 1));
        alarmsWeb.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "alarms-web-cpu-high", "Threshold", 85));
        Template worker = Fixtures.service("alarms", "worker");
        worker.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "alarms-worker-cpu-high", "Threshold", 85));
        worker.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "alarms-worker-tasks-below-desired",
                "EvaluationPeriods", 4, "DatapointsToAlarm", 3));
    }

    @Test
    void aServiceBehindAnNlbHasTargetHealthButNoHttpSignals() {
        Template tcp = Fixtures.service("alarms", "tcp");
        assertThat(alarmNames(tcp)).containsExactlyInAnyOrder("alarms-tcp-unhealthy-hosts", "alarms-tcp-no-healthy-hosts",
                "alarms-tcp-tasks-below-desired", "alarms-tcp-cpu-high", "alarms-tcp-memory-high");
        tcp.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "alarms-tcp-unhealthy-hosts",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("MetricStat", Match.objectLike(Map.of("Metric",
                        Match.objectLike(Map.of("Namespace", "AWS/NetworkELB", "MetricName", "UnHealthyHostCount"))))))))));
        tcp.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectLike(Map.of(
                "Alarms", Map.of("AlarmNames", List.of("alarms-tcp-unhealthy-hosts"), "Enable", true, "Rollback", true)))));
    }

    @Test
    void aServiceBehindBothAnAlbAndAnNlbAlarmsOnTheWorseOfTheTwo() {
        Template api = Fixtures.service("edge", "api");
        api.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "edge-api-unhealthy-hosts",
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("ReturnData", true, "Expression", "IF(uway0 >= uway1, uway0, uway1)")),
                        Match.objectLike(Map.of("Id", "uway0", "Expression", "(FILL(u0primary, 0))")),
                        Match.objectLike(Map.of("Id", "uway1", "Expression", "(FILL(u1primary, 0))"))))));
        api.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "edge-api-no-healthy-hosts",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "healthy", "Expression", "IF(hway0 <= hway1, hway0, hway1)"))))));
    }

    @Test
    void aWorkerHasTaskSignalsOnlyAndNoDeploymentAlarms() {
        Template worker = Fixtures.service("shared", "queue-worker");
        assertThat(alarmNames(worker)).containsExactlyInAnyOrder("shared-queue-worker-tasks-below-desired",
                "shared-queue-worker-cpu-high", "shared-queue-worker-memory-high");
        worker.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectLike(Map.of(
                "Alarms", Match.absent(), "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)))));
    }

    @Test
    void theDeploymentRollsBackOnExactlyTheFiveXxRateLatencyAndUnhealthyHosts() {
        web.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Match.objectLike(Map.of(
                "Alarms", Map.of("AlarmNames", List.of("dev-web-5xx-rate", "dev-web-p99-latency", "dev-web-unhealthy-hosts"),
                        "Enable", true, "Rollback", true)))));
        assertThat(ServiceAlarms.rollbackAlarmNames("dev", "web", Set.of(LoadBalancerType.APPLICATION)))
                .containsExactly("dev-web-5xx-rate", "dev-web-p99-latency", "dev-web-unhealthy-hosts");
        assertThat(ServiceAlarms.rollbackAlarmNames("dev", "game", Set.of(LoadBalancerType.NETWORK)))
                .containsExactly("dev-game-unhealthy-hosts");
        assertThat(ServiceAlarms.rollbackAlarmNames("dev", "worker", Set.of())).isEmpty();
    }

    @Test
    void theRollbackAlarmsExistBeforeTheServiceAndDoNotDependOnIt() throws Exception {
        Map<String, Map<String, Object>> alarms = web.findResources("AWS::CloudWatch::Alarm");
        Set<String> rollback = new TreeSet<>();
        alarms.forEach((id, alarm) -> {
            String name = (String) properties(alarm).get("AlarmName");
            if (List.of("dev-web-5xx-rate", "dev-web-p99-latency", "dev-web-unhealthy-hosts").contains(name)) {
                rollback.add(id);
            }
        });
        assertThat(rollback).hasSize(3);
        Map.Entry<String, Map<String, Object>> service = web.findResources("AWS::ECS::Service").entrySet().iterator().next();
        @SuppressWarnings("unchecked")
        List<String> dependsOn = (List<String>) service.getValue().get("DependsOn");
        assertThat(dependsOn).containsAll(rollback);
        for (String id : rollback) {
            assertThat(JSON.writeValueAsString(alarms.get(id))).doesNotContain(service.getKey());
        }
        // The others read the service's own metrics, so they come after it
        assertThat(dependsOn).noneMatch(id -> id.startsWith("AlarmsCpuHigh") || id.startsWith("AlarmsTasksBelowDesired"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static List<String> alarmNames(Template template) {
        return template.findResources("AWS::CloudWatch::Alarm").values().stream()
                .map(alarm -> (String) properties(alarm).get("AlarmName")).toList();
    }
}
