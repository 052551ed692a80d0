package dev.ecsplatform.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * A service as its deployment binding sees it once it exists.
 *
 * @param service  the ECS service
 * @param settings what the service was made from: cluster, subnets, security groups, task definition
 * @param traffic  its ways in through load balancers, with the alternate target groups when traffic shifts
 * @param logGroup the service's log group (encrypted and retained as the environment says), where what the deployment
 *                 adds (a handler, say) logs too
 */
public record DeployedService(BaseService service, ComputeBinding.ServiceSettings settings, List<LoadBalancedTraffic> traffic,
        Optional<ILogGroup> logGroup) {
    public DeployedService {
        traffic = List.copyOf(traffic);
    }

    /** A service whose deployment needs no log group. */
    public DeployedService(BaseService service, ComputeBinding.ServiceSettings settings, List<LoadBalancedTraffic> traffic) {
        this(service, settings, traffic, Optional.empty());
    }
}
