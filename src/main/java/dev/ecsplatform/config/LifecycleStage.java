package dev.ecsplatform.config;

/**
 * A stage of an ECS blue/green, canary or linear deployment at which ECS can call a lifecycle hook: ECS's seven
 * hookable stages ({@code DeploymentLifecycleHook.lifecycleStages}, ECS API reference), in the order they run.
 */
public enum LifecycleStage implements YamlEnum {
    /** Only when a deployment starts while more than one service revision is active. */
    RECONCILE_SERVICE("reconcileService"),
    /** Before the new revision's tasks start; the old revision has all production traffic. */
    PRE_SCALE_UP("preScaleUp"),
    /** The new revision's tasks run, without traffic. */
    POST_SCALE_UP("postScaleUp"),
    /** While test traffic moves to the new revision. */
    TEST_TRAFFIC_SHIFT("testTrafficShift"),
    /** The new revision has all test traffic and no production traffic: the place for tests against the test listener. */
    POST_TEST_TRAFFIC_SHIFT("postTestTrafficShift"),
    /** While production traffic moves to the new revision (each step of canary and linear). */
    PRODUCTION_TRAFFIC_SHIFT("productionTrafficShift"),
    /** The new revision has all production traffic; the bake time follows. */
    POST_PRODUCTION_TRAFFIC_SHIFT("postProductionTrafficShift");

    private final String yamlName;

    LifecycleStage(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
