package dev.ecsplatform.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.ServiceConnectProps;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.constructs.Construct;

/**
 * What a service's tasks run on: the second independent choice of a service stack (with
 * {@link TrafficBinding} and {@link DeploymentBinding}). It makes the ECS service from settings the other
 * bindings decided. {@link FargateCompute} is the only kind today; EC2 capacity providers (awsvpc or
 * bridge) plug in here (ADR 0007).
 */
public interface ComputeBinding {

    /** Makes the ECS service, as construct {@code id} in {@code scope}. */
    BaseService newService(Construct scope, String id, ServiceSettings settings);

    /**
     * What every kind of ECS service needs, decided by the stack and the other bindings.
     *
     * @param cluster                the cluster to run in
     * @param subnets                which of the cluster VPC's subnets hold the tasks
     * @param assignPublicIp         whether each task gets a public IPv4 address (tasks in public subnets without NAT)
     * @param taskDefinition         the task definition to run
     * @param securityGroups         every group the tasks wear: their own first, then the traffic's
     * @param deployment             how new versions roll out
     * @param healthCheckGracePeriod how long load-balancer health checks of a new task are ignored, if anything checks them
     * @param serviceConnect         the service's Service Connect configuration, when the cluster has Service Connect
     */
    record ServiceSettings(ICluster cluster, SubnetSelection subnets, boolean assignPublicIp, TaskDefinition taskDefinition, List<ISecurityGroup> securityGroups,
            DeploymentBinding deployment, Optional<Duration> healthCheckGracePeriod,
            Optional<ServiceConnectProps> serviceConnect) {
        public ServiceSettings {
            securityGroups = List.copyOf(securityGroups);
        }
    }
}
