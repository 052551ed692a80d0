package dev.ecsplatform.service;

import dev.ecsplatform.testkit.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Autoscaling between the configured bounds on average CPU. */
class ServiceAutoScalingTest {

    @Test
    void scalesBetweenTheConfiguredBounds() {
        SynthesizedApp.service("dev", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 1, "MaxCapacity", 2, "ScalableDimension", "ecs:service:DesiredCount"));
        SynthesizedApp.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 3, "MaxCapacity", 12));
    }

    @Test
    void raisesACountBelowTheMinimumWithoutWaitingForAnAlarm() {
        SynthesizedApp.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "ScheduledActions", List.of(Map.of(
                        "ScheduledActionName", "EnsureMinimum",
                        "Schedule", "rate(5 minutes)",
                        "ScalableTargetAction", Map.of("MinCapacity", 3, "MaxCapacity", 12)))));
    }

    @Test
    void tracksAverageCpuWithAsymmetricCooldowns() {
        SynthesizedApp.service("prod", "web").hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "TargetValue", 60,
                        "ScaleOutCooldown", 60,
                        "ScaleInCooldown", 300,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
    }
}
