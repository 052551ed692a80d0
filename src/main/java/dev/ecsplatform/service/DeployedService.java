package dev.ecsplatform.service;

import java.util.List;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
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
 * @param scalableTarget the service's autoscaling target, which a deployment that pauses scale-in must come after
 */
public record DeployedService(BaseService service, ComputeBinding.ServiceSettings settings, List<LoadBalancedTraffic> traffic,
        ILogGroup logGroup, ScalableTarget scalableTarget) {
    public DeployedService {
        traffic = List.copyOf(traffic);
    }
}
