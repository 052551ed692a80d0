package dev.ecsplatform.service;

import dev.ecsplatform.compliance.Acknowledgments;
import dev.ecsplatform.config.BlueGreenDeploymentConfig;
import dev.ecsplatform.config.CanaryDeploymentConfig;
import dev.ecsplatform.config.EcsTrafficShiftConfig;
import dev.ecsplatform.config.LifecycleHookConfig;
import dev.ecsplatform.config.LinearDeploymentConfig;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.CfnService;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.amazon.awscdk.services.ecs.DeploymentLifecycleLambdaTarget;
import software.amazon.awscdk.services.ecs.DeploymentLifecycleLambdaTargetProps;
import software.amazon.awscdk.services.ecs.DeploymentLifecycleStage;
import software.amazon.awscdk.services.ecs.DeploymentStrategy;
import software.amazon.awscdk.services.ecs.TrafficShiftConfig;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * ECS-native blue/green, canary and linear: the ECS controller with strategy {@code BLUE_GREEN}, {@code CANARY} or
 * {@code LINEAR}. The traffic bindings make the alternate target group, the test route and the service's
 * {@code AdvancedConfiguration} ({@link TrafficShift#ECS}); this binding gives the strategy, its timings, the rollback
 * alarms and the lifecycle hooks (ADR 0012).
 *
 * <ul>
 *   <li>Healthy percentages 100 / 200: ECS starts the whole new revision beside the old one, so a deployment needs
 *       twice the tasks for a while, and never drops below the desired count.</li>
 *   <li>The circuit breaker with rollback only for {@code BLUE_GREEN}: the ECS developer guide ("Amazon ECS deployment
 *       failure detection") names rolling and blue/green as the strategies it works with; for canary and linear the guide
 *       names CloudWatch alarms only, so those roll back by the rollback alarms (and the lifecycle hooks).</li>
 *   <li>Lifecycle hooks: each function imported by ARN, one role ECS assumes ({@code ecs.amazonaws.com}) that may invoke
 *       exactly those ARNs, which is all ECS calls.</li>
 * </ul>
 *
 * @param config             the deployment settings
 * @param rollbackAlarmNames the alarms that roll a deployment back
 */
public record EcsTrafficShiftDeployment(EcsTrafficShiftConfig config, List<String> rollbackAlarmNames) implements DeploymentBinding {

    public EcsTrafficShiftDeployment {
        rollbackAlarmNames = List.copyOf(rollbackAlarmNames);
    }

    @Override
    public TrafficShift trafficShift() {
        return TrafficShift.ECS;
    }

    /** The ECS strategy of the config's kind. */
    public DeploymentStrategy strategy() {
        if (config instanceof CanaryDeploymentConfig) {
            return DeploymentStrategy.CANARY;
        }
        if (config instanceof LinearDeploymentConfig) {
            return DeploymentStrategy.LINEAR;
        }
        if (config instanceof BlueGreenDeploymentConfig) {
            return DeploymentStrategy.BLUE_GREEN;
        }
        throw new IllegalStateException("no ECS strategy for " + config);
    }

    @Override
    public ServiceDeploymentOptions serviceOptions() {
        DeploymentStrategy strategy = strategy();
        Optional<TrafficShiftConfig> canary = config instanceof CanaryDeploymentConfig c
                ? Optional.of(TrafficShiftConfig.builder().stepPercent(c.percent())
                        .stepBakeTime(Duration.minutes(c.canaryBakeMinutes())).build())
                : Optional.empty();
        Optional<TrafficShiftConfig> linear = config instanceof LinearDeploymentConfig l
                ? Optional.of(TrafficShiftConfig.builder().stepPercent(l.stepPercent())
                        .stepBakeTime(Duration.minutes(l.stepBakeMinutes())).build())
                : Optional.empty();
        Optional<DeploymentCircuitBreaker> circuitBreaker = strategy == DeploymentStrategy.BLUE_GREEN
                ? Optional.of(ServiceDeploymentOptions.circuitBreakerWithRollback())
                : Optional.empty();
        // The hooks are added in afterService, where their functions and role can be made in the stack.
        return new ServiceDeploymentOptions(DeploymentControllerType.ECS, Optional.of(strategy),
                ServiceDeploymentOptions.FULL_SIZE_MIN_HEALTHY_PERCENT, ServiceDeploymentOptions.FULL_SIZE_MAX_PERCENT,
                circuitBreaker, rollbackAlarmNames, Optional.of(Duration.minutes(config.bakeMinutes())), canary, linear);
    }

    /**
     * The lifecycle hooks, with one role for all of them. The role is made here rather than by CDK's
     * {@code DeploymentLifecycleLambdaTarget}, which would make one per hook and grant {@code lambda:InvokeFunction} on
     * {@code <arn>:*} as well; ECS invokes exactly the ARN it is given.
     */
    @Override
    public void afterService(Construct scope, DeployedService deployed) {
        if (strategy() != DeploymentStrategy.BLUE_GREEN) {
            Annotations.of(deployed.service()).acknowledgeWarning("@aws-cdk/aws-ecs:shouldUseCircuitBreaker",
                    "ECS documents the circuit breaker for rolling and blue/green only; a canary or linear deployment rolls "
                            + "back by its rollback alarms and lifecycle hooks (ADR 0012)");
        }
        List<LifecycleHookConfig> hooks = config.hooks();
        if (hooks.isEmpty()) {
            return;
        }
        Role role = Role.Builder.create(scope, "LifecycleHookRole")
                .assumedBy(new ServicePrincipal("ecs.amazonaws.com"))
                .description("Lets ECS invoke this service's deployment lifecycle hooks")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction"))
                .resources(hooks.stream().map(LifecycleHookConfig::function).toList())
                .build());
        Acknowledgments.acknowledge(role.getNode().findChild("DefaultPolicy"), "NIST.800.53.R5-IAMNoInlinePolicy",
                "CDK writes the hook role's grant inline: lambda:InvokeFunction on exactly this service's hook functions, "
                        + "for a role only ECS can assume; a managed policy could be attached elsewhere. The review report "
                        + "requires approval when this access widens.");
        for (int i = 0; i < hooks.size(); i++) {
            LifecycleHookConfig hook = hooks.get(i);
            IFunction function = Function.fromFunctionArn(scope, "LifecycleHook" + i + "Function", hook.function());
            deployed.service().addLifecycleHook(new DeploymentLifecycleLambdaTarget(function, "LifecycleHook" + i,
                    DeploymentLifecycleLambdaTargetProps.builder()
                            .role(role)
                            .lifecycleStages(hook.stages().stream().map(stage -> DeploymentLifecycleStage.valueOf(stage.name())).toList())
                            .build()));
        }
        // ECS checks that it can use the role when the service takes the hooks; the policy is a resource of its own. Only
        // the service resource waits for it, not the roles CDK makes under the service construct.
        ((CfnService) deployed.service().getNode().getDefaultChild()).getNode().addDependency(role);
    }
}
