package dev.ecsplatform.service;

import dev.ecsplatform.config.CapacityConfig;
import java.util.List;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.constructs.Construct;

/**
 * Tasks on Fargate, or a Fargate and Fargate Spot mix, by capacity-provider strategy: in private subnets,
 * without public IPs, on the latest platform version.
 *
 * <p>The desired count is left out of the template on purpose: CloudFormation would send it with every
 * update and reset a count autoscaling has raised, so a deployment under load would stop tasks. ECS
 * creates the service with one task; registering {@link ServiceAutoScaling}'s target raises it to the minimum.
 *
 * @param capacity the capacity-provider strategy
 */
public record FargateCompute(List<CapacityConfig> capacity) implements ComputeBinding {

    public FargateCompute {
        capacity = List.copyOf(capacity);
    }

    @Override
    public BaseService newService(Construct scope, String id, ServiceSettings settings) {
        FargateService.Builder service = FargateService.Builder.create(scope, id)
                .cluster(settings.cluster())
                .taskDefinition(settings.taskDefinition())
                .platformVersion(FargatePlatformVersion.LATEST)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(settings.securityGroups())
                .assignPublicIp(false)
                .capacityProviderStrategies(capacity.stream()
                        .map(c -> CapacityProviderStrategy.builder()
                                .capacityProvider(c.provider().ecsName())
                                .weight(c.weight())
                                .base(c.base())
                                .build())
                        .toList())
                .minHealthyPercent(settings.deployment().minHealthyPercent())
                .maxHealthyPercent(settings.deployment().maxPercent())
                .propagateTags(PropagatedTagSource.SERVICE)
                .enableEcsManagedTags(true);
        settings.deployment().circuitBreaker().ifPresent(service::circuitBreaker);
        // Only with something that health-checks tasks from outside: a worker has no load-balancer check to defer.
        settings.healthCheckGracePeriod().ifPresent(service::healthCheckGracePeriod);
        settings.serviceConnect().ifPresent(service::serviceConnectConfiguration);
        return service.build();
    }
}
