package dev.ecsplatform.service;

import java.util.List;
import software.amazon.awscdk.services.ecs.BaseService;

/**
 * A service as its deployment binding sees it once it exists.
 *
 * @param service  the ECS service
 * @param settings what the service was made from: cluster, subnets, security groups, task definition
 * @param traffic  its ways in through load balancers, with the alternate target groups when traffic shifts
 */
public record DeployedService(BaseService service, ComputeBinding.ServiceSettings settings, List<LoadBalancedTraffic> traffic) {
    public DeployedService {
        traffic = List.copyOf(traffic);
    }
}
