package dev.ecsplatform.stage;

import dev.ecsplatform.logging.LogStorage;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.ServiceConfig;
import dev.ecsplatform.service.FargateWebService;
import dev.ecsplatform.service.ServiceAutoScaling;
import dev.ecsplatform.service.ServiceOutputs;
import dev.ecsplatform.service.ServiceRoute;
import dev.ecsplatform.service.ServiceTaskDefinition;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * One service: its task definition, route on the shared load balancer, ECS service and autoscaling.
 *
 * <p>References flow one way only, from the platform stack into this one, and only through the
 * platform's explicit exports ({@link PlatformExports}). The load balancer's listener and security
 * groups are imported as immutable handles, so the security-group rule and listener rule are made
 * here; this stack can then be destroyed and recreated without the platform stack changing.
 */
public final class ServiceStack extends Stack {

    private final ServiceTaskDefinition taskDefinition;
    private final ServiceRoute route;
    private final FargateWebService service;
    private final ServiceAutoScaling autoScaling;

    public ServiceStack(Construct scope, String id, StackProps props, EnvironmentConfig environment,
            String serviceName, PlatformStack platform) {
        super(scope, id, props);
        ServiceConfig config = environment.services().get(serviceName);
        ConfigSources.record(this, environment, "services." + serviceName);
        // Only through the contract: a direct reference to a platform construct would make CDK add an
        // automatic export, which vanishes again with its last consumer (see PlatformExports).
        PlatformExports.Imports imports = platform.exports().importInto(this);
        addStackDependency(platform, "imports the platform contract");
        PlatformExports.ImportedLoadBalancer loadBalancer = imports.loadBalancer(config.loadBalancer().name());

        // Prod log groups are KMS-encrypted with this stack's own key, so the stack stays deletable on its own.
        this.taskDefinition = new ServiceTaskDefinition(this, "Task", new ServiceTaskDefinition.Props(
                serviceName, config, environment.logs().retentionDays(), LogStorage.forStack(this, environment.tier())));
        this.route = new ServiceRoute(this, "Route", new ServiceRoute.Props(
                config.loadBalancer(), config.healthCheck(), imports.vpc(), loadBalancer.listener()));
        this.service = new FargateWebService(this, "Fargate", new FargateWebService.Props(
                serviceName, config, imports.cluster(), imports.vpc(), taskDefinition.taskDefinition(),
                route.targetGroup(), loadBalancer.securityGroup(), loadBalancer.targetsSecurityGroup()));
        // The first tasks write their log streams with the execution role; without this order CloudFormation may
        // start the service before the role's policy exists, and those tasks fail to start.
        service.service().getNode().addDependency(taskDefinition.executionRolePolicy());
        this.autoScaling = new ServiceAutoScaling(this, "Scaling", new ServiceAutoScaling.Props(config.scaling(), service.service()));
        ServiceOutputs.add(this, new ServiceOutputs.Props(config.loadBalancer(), loadBalancer.dnsName(),
                taskDefinition.logGroup(), imports.cluster(), service.service()));
    }

    /** The task definition. */
    public ServiceTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** The route on the shared load balancer. */
    public ServiceRoute route() {
        return route;
    }

    /** The ECS service. */
    public FargateWebService service() {
        return service;
    }

    /** The autoscaling. */
    public ServiceAutoScaling autoScaling() {
        return autoScaling;
    }
}
