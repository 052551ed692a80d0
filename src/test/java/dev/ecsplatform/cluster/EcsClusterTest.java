package dev.ecsplatform.cluster;

import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The ECS cluster: Fargate capacity providers and Container Insights. */
class EcsClusterTest {

    @Test
    void offersFargateAndFargateSpot() {
        Fixtures.platform("dev").hasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", Map.of(
                "CapacityProviders", Match.arrayWith(List.of("FARGATE", "FARGATE_SPOT"))));
    }

    @Test
    void enablesContainerInsightsAtTheConfiguredLevel() {
        Fixtures.platform("dev").hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
        Fixtures.platform("prod").hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enhanced"))));
    }
}
