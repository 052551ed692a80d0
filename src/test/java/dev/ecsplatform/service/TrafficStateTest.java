package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.ImageOnlyChange;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A blue/green kind of deployment moves traffic outside CloudFormation; the next deploy must not move it back
 * (aws-cdk #36649). CloudFormation updates only resources whose template properties change, so an image-only change
 * that leaves every listener and listener rule byte-identical cannot reset them (ADR 0012).
 */
class TrafficStateTest {

    private static ImageOnlyChange change;

    @BeforeAll
    static void synthesizeTwice() {
        change = ImageOnlyChange.of("shift");
    }

    @Test
    void anImageOnlyChangeLeavesTheAlbRulesOfABlueGreenServiceAlone() {
        change.assertTrafficRoutesUntouched("web");
    }

    @Test
    void anImageOnlyChangeLeavesTheAlbRulesOfALinearServiceAlone() {
        change.assertTrafficRoutesUntouched("api");
    }

    @Test
    void anImageOnlyChangeLeavesTheNlbListenersOfACanaryServiceAlone() {
        change.assertTrafficRoutesUntouched("game");
        // Both of the service's own listeners are compared: production and test
        assertThat(ImageOnlyChange.routes(change.before("game")).values())
                .filteredOn(resource -> ((Map<?, ?>) resource).get("Type").equals("AWS::ElasticLoadBalancingV2::Listener"))
                .hasSize(2);
    }

    @Test
    void theChangeIsAnImageChangeAndNothingElseOfTheService() {
        // The service resource changes only through the task definition it names
        Map<String, Map<String, Object>> before = change.before("web").findResources("AWS::ECS::Service");
        Map<String, Map<String, Object>> after = change.after("web").findResources("AWS::ECS::Service");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.values().iterator().next().get("Properties").toString().replaceAll("TaskTaskDefinition\\w+", "T"))
                .isEqualTo(before.values().iterator().next().get("Properties").toString().replaceAll("TaskTaskDefinition\\w+", "T"));
    }
}
