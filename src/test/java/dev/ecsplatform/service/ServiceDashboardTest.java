package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsplatform.testkit.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** One dashboard per service and environment, with the service's signals and the state of its alarms. */
class ServiceDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isNamedByEnvironmentAndServiceAndShowsEveryAlarmAndTheRequestsPerTargetGroup() throws Exception {
        Template web = Fixtures.service("dev", "web");
        web.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "dev-web"));
        String body = body(web);
        assertThat(web.findResources("AWS::CloudWatch::Alarm")).as("alarms of dev web").isNotEmpty();
        web.findResources("AWS::CloudWatch::Alarm").keySet()
                .forEach(alarm -> assertThat(body).contains("{\"Fn::GetAtt\":[\"" + alarm + "\",\"Arn\"]}"));
        assertThat(body).contains("Alarms of web in dev", "5xx-rate (rolls deployments back)", "cpu-high",
                "Requests per target group", "RequestCount").doesNotContain("TCP_Target_Reset_Count");
    }

    @Test
    void behindAnNlbShowsTheLoadBalancersFlowsAndResetsAsContext() throws Exception {
        String body = body(Fixtures.service("alarms", "tcp"));
        assertThat(body).contains("TCP_Target_Reset_Count", "NewFlowCount", "all its services")
                .doesNotContain("Requests per target group");
    }

    @Test
    void aWorkersDashboardHasItsTaskSignals() throws Exception {
        Template worker = Fixtures.service("shared", "queue-worker");
        worker.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "shared-queue-worker"));
        assertThat(body(worker)).contains("tasks-below-desired", "memory-high").doesNotContain("5xx-rate", "RequestCount");
    }

    @SuppressWarnings("unchecked")
    private static String body(Template template) throws Exception {
        Map<String, Object> dashboard = template.findResources("AWS::CloudWatch::Dashboard").values().iterator().next();
        return JSON.writeValueAsString(((Map<String, Object>) dashboard.get("Properties")).get("DashboardBody"));
    }
}
