package dev.ecsplatform.stage;

import dev.ecsplatform.compliance.RulePacks;
import dev.ecsplatform.config.EnvironmentConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * Everything one environment deploys. The app adds one per environment file; the delivery pipeline
 * adds the same class, so a laptop {@code cdk deploy 'dev/*'} and the pipeline deploy identical
 * stacks. Nothing outside this class knows how many stacks an environment has.
 */
public final class EnvironmentStage extends Stage {

    private final EnvironmentConfig environment;
    private final PlatformStack platform;
    private final Map<String, ServiceStack> services = new LinkedHashMap<>();

    public EnvironmentStage(Construct scope, EnvironmentConfig environment) {
        super(scope, environment.name(), StageProps.builder()
                .env(Environment.builder().account(environment.account()).region(environment.region()).build())
                .build());
        this.environment = environment;
        // First, before any child exists: the packs set context that acknowledgments below read.
        RulePacks.register(this, environment);
        Tags.of(this).add("environment", environment.name());
        Tags.of(this).add("owner", environment.owner());

        this.platform = new PlatformStack(this, StackNames.PLATFORM_ID, stackProps(StackNames.platform(environment),
                "Network, ECS cluster and load balancers of the " + environment.name() + " environment"), environment);
        environment.services().keySet().stream().sorted().forEach(serviceName -> {
            ServiceStack stack = new ServiceStack(this, StackNames.serviceId(serviceName),
                    stackProps(StackNames.service(environment, serviceName),
                            "Service " + serviceName + " of the " + environment.name() + " environment"),
                    environment, serviceName, platform);
            Tags.of(stack).add("service", serviceName);
            services.put(serviceName, stack);
        });
    }

    private StackProps stackProps(String stackName, String description) {
        return StackProps.builder()
                .stackName(stackName)
                .description(description)
                // Deleting a prod stack must take a deliberate second step (REL09; checklist item 57).
                .terminationProtection(environment.tier().isProduction())
                .build();
    }

    /** The environment this stage deploys. */
    public EnvironmentConfig environment() {
        return environment;
    }

    /** The platform stack. */
    public PlatformStack platform() {
        return platform;
    }

    /**
     * Every stack of this environment, whatever its kind, in construct order: found in the construct tree
     * rather than listed, so that a test over {@code stacks()} (goldens, pins, annotations, rule packs) covers
     * a new kind of stack the day it is added.
     */
    public List<Stack> stacks() {
        return getNode().findAll().stream().filter(Stack.class::isInstance).map(Stack.class::cast).toList();
    }

    /** The service stacks by service name. */
    public Map<String, ServiceStack> services() {
        return Collections.unmodifiableMap(services);
    }
}
