package dev.ecsplatform.stage;

import dev.ecsplatform.logging.LogStorage;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.ServiceConfig;
import dev.ecsplatform.loadbalancing.SharedLoadBalancer;
import dev.ecsplatform.service.FargateWebService;
import dev.ecsplatform.service.ServiceAutoScaling;
import dev.ecsplatform.service.ServiceRoute;
import dev.ecsplatform.service.ServiceTaskDefinition;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerAttributes;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.constructs.Construct;

/**
 * One service: its task definition, route on the shared load balancer, ECS service and autoscaling.
 *
 * <p>References flow one way only, from the platform stack into this one. The load balancer's
 * listener and security group are re-imported here as immutable handles, so the security-group rule
 * and listener rule CDK would otherwise place in the platform stack are made here instead; this
 * stack can then be destroyed and recreated without the platform stack changing.
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
        SharedLoadBalancer loadBalancer = platform.loadBalancers().get(config.loadBalancer().name());

        ISecurityGroup loadBalancerSecurityGroup = SecurityGroup.fromSecurityGroupId(this, "LoadBalancerSecurityGroup",
                loadBalancer.securityGroup().getSecurityGroupId(), SecurityGroupImportOptions.builder().mutable(false).build());
        IApplicationListener listener = ApplicationListener.fromApplicationListenerAttributes(this, "Listener",
                ApplicationListenerAttributes.builder()
                        .listenerArn(loadBalancer.listener().getListenerArn())
                        .securityGroup(loadBalancerSecurityGroup)
                        .build());

        // Prod log groups are KMS-encrypted with this stack's own key, so the stack stays deletable on its own.
        this.taskDefinition = new ServiceTaskDefinition(this, "Task", new ServiceTaskDefinition.Props(
                serviceName, config, environment.logs().retentionDays(), LogStorage.forStack(this, environment.tier())));
        this.route = new ServiceRoute(this, "Route", new ServiceRoute.Props(
                config.loadBalancer(), config.healthCheck(), config.port(), platform.network().vpc(), listener));
        this.service = new FargateWebService(this, "Fargate", new FargateWebService.Props(
                serviceName, config, platform.cluster().cluster(), platform.network().vpc(),
                taskDefinition.taskDefinition(), route.targetGroup(), loadBalancerSecurityGroup));
        this.autoScaling = new ServiceAutoScaling(this, "Scaling", new ServiceAutoScaling.Props(config.scaling(), service.service()));
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
