package dev.ecsplatform.service;

/**
 * Whether, and by whom, a deployment moves traffic between two target groups: what a {@link DeploymentBinding}
 * asks of the {@link TrafficBinding}s. A shift needs a second (alternate) target group per way in through a
 * load balancer and, where the load balancer has one, a route on its test listener.
 */
public enum TrafficShift {
    /** Tasks are replaced behind one target group (rolling, recreate): nothing moves between groups. */
    NONE,
    /**
     * ECS itself moves traffic (ECS-native blue/green, canary, linear): the service's load balancer entry names the
     * alternate target group, the production listener rule (or NLB listener) and the test listener rule.
     */
    ECS,
    /**
     * CodeDeploy moves traffic: the service registers its primary target group only, and the deployment group
     * names both groups and both listeners.
     */
    CODE_DEPLOY
}
