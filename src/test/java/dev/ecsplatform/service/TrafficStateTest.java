package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.FixtureChange;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A blue/green kind of deployment moves traffic outside CloudFormation; the next deploy must not move it back
 * (aws-cdk #36649). CloudFormation updates only resources whose template properties change, so an image-only change
 * that leaves every listener and listener rule byte-identical cannot reset them (ADR 0012).
 */
class TrafficStateTest {

    private static FixtureChange change;

    @BeforeAll
    static void synthesizeTwice() {
        change = FixtureChange.imageOnly("shift");
    }

    @Test
    void anImageOnlyChangeLeavesTheAlbRulesOfABlueGreenServiceAlone() {
        change.assertTaskDefinitionChanged("web");
        change.assertTrafficRoutesUntouched("web");
    }

    @Test
    void anImageOnlyChangeLeavesTheAlbRulesOfALinearServiceAlone() {
        change.assertTaskDefinitionChanged("api");
        change.assertTrafficRoutesUntouched("api");
    }

    @Test
    void anImageOnlyChangeLeavesTheNlbListenersOfACanaryServiceAlone() {
        change.assertTaskDefinitionChanged("game");
        change.assertTrafficRoutesUntouched("game");
        // Both of the service's own listeners are compared: production and test
        assertThat(FixtureChange.routes(change.before("game")).values())
                .filteredOn(resource -> ((Map<?, ?>) resource).get("Type").equals("AWS::ElasticLoadBalancingV2::Listener"))
                .hasSize(2);
    }

    @Test
    void theServiceChangesOnlyThroughTheTaskDefinitionItNames() {
        // The same logical IDs and properties: CloudFormation updates the service because the task definition it refers
        // to is replaced, and sends ECS the new revision; the load balancer entries it sends are the same as before
        assertThat(change.afterResources("web", "AWS::ECS::Service")).isEqualTo(change.beforeResources("web", "AWS::ECS::Service"));
        assertThat(change.afterResources("web", "AWS::ElasticLoadBalancingV2::TargetGroup"))
                .isEqualTo(change.beforeResources("web", "AWS::ElasticLoadBalancingV2::TargetGroup"));
    }
}
