package dev.ecsplatform.service;

import dev.ecsplatform.config.CapacityConfig;
import dev.ecsplatform.config.DeploymentConfig;
import dev.ecsplatform.config.ServiceConfig;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.constructs.Construct;

/**
 * A Fargate service in private subnets, registered with its target group, deployed by ECS rolling
 * updates with the circuit breaker rolling back a deployment whose tasks never become healthy.
 *
 * <p>The desired count is left out of the template on purpose: CloudFormation would send it with
 * every update and reset a count autoscaling has raised, so a deployment under load would stop
 * tasks. ECS creates the service with one task; {@link ServiceAutoScaling} raises it to the minimum.
 */
public final class FargateWebService extends Construct {

    /**
     * Inputs of the service.
     *
     * @param serviceName              the service's name, used in descriptions
     * @param config                   the service settings
     * @param cluster                  the cluster to run in
     * @param vpc                      the VPC whose private subnets the tasks use
     * @param taskDefinition           the task definition to run
     * @param targetGroup              the target group the tasks register with
     * @param loadBalancerSecurityGroup the load balancer's security group, admitted on the container port
     * @param targetsSecurityGroup     the group every task behind the load balancer wears, so the load balancer may reach it
     */
    public record Props(
            String serviceName,
            ServiceConfig config,
            ICluster cluster,
            IVpc vpc,
            FargateTaskDefinition taskDefinition,
            ApplicationTargetGroup targetGroup,
            ISecurityGroup loadBalancerSecurityGroup,
            ISecurityGroup targetsSecurityGroup) {
    }

    private final FargateService service;
    private final SecurityGroup securityGroup;

    public FargateWebService(Construct scope, String id, Props props) {
        super(scope, id);
        ServiceConfig config = props.config();
        DeploymentConfig deployment = config.deployment();

        // Outbound stays open: tasks pull images and call AWS APIs through the NAT gateways.
        this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.vpc())
                .description("Tasks of service " + props.serviceName() + ": load balancer in, anything out")
                .allowAllOutbound(true)
                .build();
        securityGroup.addIngressRule(props.loadBalancerSecurityGroup(), Port.tcp(config.port()),
                "From the load balancer to the container port");

        this.service = FargateService.Builder.create(this, "Service")
                .cluster(props.cluster())
                .taskDefinition(props.taskDefinition())
                .platformVersion(FargatePlatformVersion.LATEST)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(securityGroup, props.targetsSecurityGroup()))
                .assignPublicIp(false)
                .capacityProviderStrategies(capacityStrategy(config.capacity()))
                .minHealthyPercent(deployment.minHealthyPercent())
                .maxHealthyPercent(deployment.maxPercent())
                .circuitBreaker(switch (deployment.strategy()) {
                    // A deployment whose tasks never become healthy rolls back instead of hanging cdk deploy.
                    case ROLLING -> DeploymentCircuitBreaker.builder().enable(true).rollback(true).build();
                })
                .healthCheckGracePeriod(Duration.seconds(config.healthCheck().gracePeriodSeconds()))
                .propagateTags(PropagatedTagSource.SERVICE)
                .enableEcsManagedTags(true)
                .build();
        service.attachToApplicationTargetGroup(props.targetGroup());
    }

    private static List<CapacityProviderStrategy> capacityStrategy(List<CapacityConfig> capacity) {
        return capacity.stream()
                .map(c -> CapacityProviderStrategy.builder()
                        .capacityProvider(c.provider().ecsName())
                        .weight(c.weight())
                        .base(c.base())
                        .build())
                .toList();
    }

    /** The ECS service. */
    public FargateService service() {
        return service;
    }

    /** The tasks' security group. */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }
}
