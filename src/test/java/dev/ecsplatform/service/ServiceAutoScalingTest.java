package dev.ecsplatform.service;

import dev.ecsplatform.testkit.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Autoscaling between the configured bounds on average CPU. */
class ServiceAutoScalingTest {

    @Test
    void scalesBetweenTheConfiguredBounds() {
        Fixtures.service("dev", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 1, "MaxCapacity", 2, "ScalableDimension", "ecs:service:DesiredCount"));
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 3, "MaxCapacity", 12));
    }

    @Test
    void leavesTheCountInsideTheBoundsToOperatorsAndScheduledScaling() {
        // Registering the target already raises a new service to MinCapacity (RegisterScalableTarget); a
        // recurring scheduled action would only revert what operators set inside the bounds (ADR 0004).
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "ScheduledActions", Match.absent()));
    }

    @Test
    void tracksAverageCpuWithAsymmetricCooldowns() {
        Fixtures.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "TargetValue", 60,
                        "ScaleOutCooldown", 60,
                        "ScaleInCooldown", 300,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
    }
}
