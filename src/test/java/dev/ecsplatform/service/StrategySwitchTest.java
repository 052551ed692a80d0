package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.FixtureChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What CloudFormation would update when a service switches deployment strategy (docs/deployments.md, ADR 0012):
 * between blueGreen, canary and linear only the service's DeploymentConfiguration changes, an in-place UpdateService;
 * from rolling to a shifting kind the shifting resources are added; back to rolling they are removed.
 */
class StrategySwitchTest {

    private static FixtureChange between;
    private static FixtureChange toAndFromRolling;

    @BeforeAll
    static void synthesize() {
        between = FixtureChange.of("shift", text -> text
                .replace("      blueGreen:\n        bakeMinutes: 10", "      linear:\n        bakeMinutes: 10")
                .replace("linear: { stepPercent: 25, stepBakeMinutes: 4 }", "canary: { percent: 20 }")
                .replace("canary: { percent: 10, canaryBakeMinutes: 5 }", "blueGreen: {}"));
        // api from linear to rolling; jobs (a worker) from recreate to rolling
        toAndFromRolling = FixtureChange.of("shift", text -> text
                .replace("linear: { stepPercent: 25, stepBakeMinutes: 4 }", "rolling: {}")
                .replace("recreate: {}", "rolling: {}"));
    }

    @Test
    void betweenBlueGreenCanaryAndLinearOnlyTheDeploymentConfigurationChanges() {
        for (String service : List.of("web", "api", "game")) {
            between.assertTrafficRoutesUntouched(service);
            for (String type : List.of("AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::IAM::Role", "AWS::ECS::TaskDefinition")) {
                assertThat(between.afterResources(service, type)).as("%s of %s", type, service)
                        .isEqualTo(between.beforeResources(service, type));
            }
            Map<String, Object> before = properties(between.beforeResources(service, "AWS::ECS::Service"));
            Map<String, Object> after = properties(between.afterResources(service, "AWS::ECS::Service"));
            assertThat(after.get("LoadBalancers")).as("load balancers of %s", service).isEqualTo(before.get("LoadBalancers"));
            assertThat(without(after, "DeploymentConfiguration")).isEqualTo(without(before, "DeploymentConfiguration"));
            assertThat(after.get("DeploymentConfiguration")).isNotEqualTo(before.get("DeploymentConfiguration"));
        }
    }

    @Test
    void leavingAShiftingKindRemovesTheAlternateTargetGroupThatMayCarryProductionTraffic() {
        // The hazard docs/deployments.md describes: after an odd number of ECS deployments production traffic is on the
        // alternate group, which this update deletes, and the rule in the template forwards to the primary group only
        assertThat(toAndFromRolling.beforeResources("api", "AWS::ElasticLoadBalancingV2::TargetGroup")).hasSize(2);
        assertThat(toAndFromRolling.afterResources("api", "AWS::ElasticLoadBalancingV2::TargetGroup")).hasSize(1);
        assertThat(toAndFromRolling.afterResources("api", "AWS::ElasticLoadBalancingV2::ListenerRule").toString())
                .doesNotContain("ForwardConfig").doesNotContain("AlternateTargetGroup");
        assertThat(properties(toAndFromRolling.afterResources("api", "AWS::ECS::Service")).get("LoadBalancers").toString())
                .doesNotContain("AdvancedConfiguration");
    }

    @Test
    void betweenRecreateAndRollingOnlyThePercentagesChange() {
        Map<String, Object> before = properties(toAndFromRolling.beforeResources("jobs", "AWS::ECS::Service"));
        Map<String, Object> after = properties(toAndFromRolling.afterResources("jobs", "AWS::ECS::Service"));
        assertThat(without(after, "DeploymentConfiguration")).isEqualTo(without(before, "DeploymentConfiguration"));
        assertThat(after.get("DeploymentConfiguration")).isEqualTo(Map.of("MinimumHealthyPercent", 100, "MaximumPercent", 200,
                "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Map<String, Object>> resources) {
        assertThat(resources).hasSize(1);
        return (Map<String, Object>) resources.values().iterator().next().get("Properties");
    }

    private static Map<String, Object> without(Map<String, Object> properties, String key) {
        Map<String, Object> copy = new java.util.TreeMap<>(properties);
        copy.remove(key);
        return copy;
    }
}
